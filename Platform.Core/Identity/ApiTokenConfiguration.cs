using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Tenancy;

namespace Platform.Core.Identity;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.HasKey(token => new { token.TenantId, token.Id });
        builder.Property(token => token.Id).HasMaxLength(32);
        builder.Property(token => token.Name).HasMaxLength(ApiToken.MaxNameLength);
        builder.HasIndex(token => token.Id).IsUnique();
        builder.HasIndex(token => token.TokenHash).IsUnique();
        builder.HasIndex(token => new { token.TenantId, token.OwnerUserId });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(token => token.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(token => token.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
