using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Devices;

namespace Platform.Core.Measurements;

internal sealed class DeviceLatestConfiguration : IEntityTypeConfiguration<DeviceLatest>
{
    public void Configure(EntityTypeBuilder<DeviceLatest> builder)
    {
        builder.ToTable("device_latest");
        builder.HasKey(latest => new { latest.TenantId, latest.DeviceId });
        builder.Property(latest => latest.Data).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
        builder.HasOne<Device>().WithOne().HasForeignKey<DeviceLatest>(latest => new { latest.TenantId, latest.DeviceId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
