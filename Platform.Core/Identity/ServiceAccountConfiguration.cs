using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Tenancy;

namespace Platform.Core.Identity;

internal sealed class ServiceAccountConfiguration : IEntityTypeConfiguration<ServiceAccount>
{
    public void Configure(EntityTypeBuilder<ServiceAccount> builder)
    {
        builder.HasKey(account => new { account.TenantId, account.Id });
        builder.HasIndex(account => account.Id).IsUnique();
        builder.Property(account => account.Description).HasMaxLength(ServiceAccount.MaxDescriptionLength);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(account => account.TenantId).OnDelete(DeleteBehavior.Cascade);
        // Deleting the account's user takes this row with it, like its membership, grants and tokens.
        builder.HasOne<User>().WithMany().HasForeignKey(account => account.Id).OnDelete(DeleteBehavior.Cascade);
    }
}
