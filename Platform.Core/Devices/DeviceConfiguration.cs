using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Decoders;
using Platform.Core.Organizations;

namespace Platform.Core.Devices;

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.HasKey(device => new { device.TenantId, device.Id });
        builder.Property(device => device.DevEui)
            .HasConversion(devEui => devEui.Value, value => DevEui.Parse(value))
            .HasMaxLength(16);
        // Unique per tenant (every unique key starts with tenant_id); uplinks are matched by DevEUI
        // and the network-server application together, so that pair finds one device.
        builder.HasIndex(device => new { device.TenantId, device.DevEui }).IsUnique();
        // The ingestion resolves an uplink's DevEUI across tenants (platform_device_routes).
        builder.HasIndex(device => device.DevEui);
        builder.Property(device => device.Name).HasMaxLength(Device.MaxNameLength);
        builder.HasIndex(device => new { device.TenantId, device.OrganizationId });
        builder.OwnsOne(device => device.NetworkServer, binding =>
        {
            binding.Property(b => b.Kind).HasColumnName("network_server_kind").HasConversion<string>().HasMaxLength(20);
            binding.Property(b => b.ApplicationId).HasColumnName("network_server_application_id")
                .HasMaxLength(NetworkServerBinding.MaxApplicationIdLength);
        });
        builder.Navigation(device => device.NetworkServer).IsRequired();
        StringMap(builder, "_tags", "tags");
        StringMap(builder, "_variables", "variables");
        builder.Ignore(device => device.Tags);
        builder.Ignore(device => device.Variables);
        // A decoder in use cannot be deleted; its devices must be moved first.
        builder.HasOne<Decoder>().WithMany().HasForeignKey(device => device.DecoderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany()
            .HasForeignKey(device => new { device.TenantId, device.OrganizationId }).OnDelete(DeleteBehavior.Restrict);
    }

    private static void StringMap(EntityTypeBuilder<Device> builder, string field, string column) =>
        builder.Property<Dictionary<string, string>>(field)
            .HasColumnName(column)
            .HasColumnType("jsonb")
            .HasDefaultValueSql("'{}'::jsonb")
            .HasConversion(
                map => JsonSerializer.Serialize(map, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonSerializerOptions.Default) ?? new Dictionary<string, string>(),
                new ValueComparer<Dictionary<string, string>>(
                    (left, right) => left!.Count == right!.Count && !left.Except(right).Any(),
                    map => map.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                    map => new Dictionary<string, string>(map, StringComparer.Ordinal)));
}
