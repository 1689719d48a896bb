using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Tenancy;

namespace Platform.Core.Organizations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.HasKey(organization => new { organization.TenantId, organization.Id });
        builder.Property(organization => organization.Name).HasMaxLength(Organization.MaxNameLength);
        builder.HasIndex(organization => new { organization.TenantId, organization.Name }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(organization => organization.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
