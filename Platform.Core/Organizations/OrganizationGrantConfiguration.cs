using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Tenancy;

namespace Platform.Core.Organizations;

internal sealed class OrganizationGrantConfiguration : IEntityTypeConfiguration<OrganizationGrant>
{
    public void Configure(EntityTypeBuilder<OrganizationGrant> builder)
    {
        builder.HasKey(grant => new { grant.TenantId, grant.OrganizationId, grant.UserId });
        builder.Property(grant => grant.Access).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(grant => new { grant.TenantId, grant.UserId });
        builder.HasOne<Organization>().WithMany()
            .HasForeignKey(grant => new { grant.TenantId, grant.OrganizationId }).OnDelete(DeleteBehavior.Cascade);
        // A grant only exists for a member: leaving the tenant removes it.
        builder.HasOne<TenantMembership>().WithMany()
            .HasForeignKey(grant => new { grant.TenantId, grant.UserId }).OnDelete(DeleteBehavior.Cascade);
    }
}
