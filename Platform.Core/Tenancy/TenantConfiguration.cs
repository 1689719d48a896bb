using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Core.Tenancy;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.HasKey(tenant => tenant.Id);
        builder.Property(tenant => tenant.Slug).HasMaxLength(Tenant.MaxSlugLength);
        builder.HasIndex(tenant => tenant.Slug).IsUnique();
        builder.Property(tenant => tenant.Name).HasMaxLength(Tenant.MaxNameLength);
        builder.Property(tenant => tenant.Status).HasConversion<string>().HasMaxLength(20);
        builder.OwnsOne(tenant => tenant.Settings, settings => settings.ToJson());
    }
}
