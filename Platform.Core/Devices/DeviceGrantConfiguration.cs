using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Tenancy;

namespace Platform.Core.Devices;

internal sealed class DeviceGrantConfiguration : IEntityTypeConfiguration<DeviceGrant>
{
    public void Configure(EntityTypeBuilder<DeviceGrant> builder)
    {
        builder.HasKey(grant => new { grant.TenantId, grant.DeviceId, grant.UserId });
        builder.Property(grant => grant.Access).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(grant => new { grant.TenantId, grant.UserId });
        builder.HasOne<Device>().WithMany()
            .HasForeignKey(grant => new { grant.TenantId, grant.DeviceId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TenantMembership>().WithMany()
            .HasForeignKey(grant => new { grant.TenantId, grant.UserId }).OnDelete(DeleteBehavior.Cascade);
    }
}
