using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.NetworkServer.Uplinks;

namespace Platform.Core.Measurements;

/// <summary>The table itself is created by hand in the migration (partitioned): see <see cref="MeasurementTables"/>.</summary>
internal sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> builder)
    {
        builder.ToTable(MeasurementTables.Measurements);
        builder.HasKey(measurement => new
        {
            measurement.TenantId, measurement.DeviceId, measurement.ReceivedAt, measurement.DeduplicationKey, measurement.Name,
        });
        builder.Property(measurement => measurement.DeduplicationKey).HasColumnName("dedup_key")
            .HasMaxLength(UplinkParser.MaxDeduplicationKeyLength);
        builder.Property(measurement => measurement.Name).HasMaxLength(MeasurementExtractor.MaxNameLength);
    }
}
