using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Tenancy;

namespace Platform.Core.Identity.Oidc;

internal sealed class ExternalIdentityConfiguration : IEntityTypeConfiguration<ExternalIdentity>
{
    public void Configure(EntityTypeBuilder<ExternalIdentity> builder)
    {
        builder.HasKey(identity => identity.Id);
        builder.Property(identity => identity.Issuer).HasMaxLength(ExternalIdentity.MaxIssuerLength);
        builder.Property(identity => identity.Subject).HasMaxLength(ExternalIdentity.MaxSubjectLength);
        // One person per account at each provider; two tenants sharing an issuer keep separate links.
        builder.HasIndex(identity => new { identity.ProviderId, identity.Issuer, identity.Subject }).IsUnique();
        builder.HasIndex(identity => identity.UserId);
        builder.HasIndex(identity => identity.TenantId);
        builder.HasOne<User>().WithMany().HasForeignKey(identity => identity.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(identity => identity.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
