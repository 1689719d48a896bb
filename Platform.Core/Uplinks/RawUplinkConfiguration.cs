using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Devices;
using Platform.Core.NetworkServer.Uplinks;

namespace Platform.Core.Uplinks;

/// <summary>
/// The table itself is created by hand in the migration (EF cannot declare a partitioned table):
/// range-partitioned by month of <c>received_at</c>, see <see cref="RawUplinkTable"/>.
/// </summary>
internal sealed class RawUplinkConfiguration : IEntityTypeConfiguration<RawUplink>
{
    public void Configure(EntityTypeBuilder<RawUplink> builder)
    {
        builder.ToTable(RawUplinkTable.Name);
        // Serves "one device, time range" and "latest per device" (a backward scan), and makes a
        // redelivered uplink (same device, time and key) a conflict instead of a second row.
        builder.HasKey(uplink => new { uplink.TenantId, uplink.DeviceId, uplink.ReceivedAt, uplink.DeduplicationKey });
        builder.Property(uplink => uplink.DeduplicationKey).HasColumnName("dedup_key").HasMaxLength(UplinkParser.MaxDeduplicationKeyLength);
        builder.Property(uplink => uplink.DevEui)
            .HasConversion(devEui => devEui.Value, value => DevEui.Parse(value))
            .HasMaxLength(16);
        builder.Property(uplink => uplink.NetworkServerKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(uplink => uplink.ApplicationId).HasMaxLength(NetworkServerBinding.MaxApplicationIdLength);
        builder.Property(uplink => uplink.Decoded).HasColumnType("jsonb");
        builder.Property(uplink => uplink.Gateways)
            .HasColumnType("jsonb")
            .HasConversion(
                gateways => JsonSerializer.Serialize(gateways, JsonSerializerOptions.Web),
                json => JsonSerializer.Deserialize<List<GatewayReception>>(json, JsonSerializerOptions.Web) ?? new List<GatewayReception>(),
                new ValueComparer<IReadOnlyList<GatewayReception>>(
                    (left, right) => left!.SequenceEqual(right!),
                    gateways => gateways.Aggregate(0, HashCode.Combine),
                    gateways => gateways.ToList()));
    }
}
