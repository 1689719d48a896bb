using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Core.Identity.Mfa;

internal sealed class TotpAuthenticatorConfiguration : IEntityTypeConfiguration<TotpAuthenticator>
{
    public void Configure(EntityTypeBuilder<TotpAuthenticator> builder)
    {
        // One authenticator per user: enrolling again while pending replaces it.
        builder.HasKey(authenticator => authenticator.UserId);
        builder.Property(authenticator => authenticator.ProtectedSecret).HasMaxLength(1000);
        builder.HasOne<User>().WithOne().HasForeignKey<TotpAuthenticator>(authenticator => authenticator.UserId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
