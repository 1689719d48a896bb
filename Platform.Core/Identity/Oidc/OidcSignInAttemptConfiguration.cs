using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Core.Identity.Oidc;

internal sealed class OidcSignInAttemptConfiguration : IEntityTypeConfiguration<OidcSignInAttempt>
{
    public void Configure(EntityTypeBuilder<OidcSignInAttempt> builder)
    {
        builder.ToTable("oidc_sign_in_attempts");
        builder.HasKey(attempt => attempt.StateHash);
        builder.Property(attempt => attempt.RedirectUri).HasMaxLength(2000);
        builder.Property(attempt => attempt.CodeVerifier).HasMaxLength(128);
        builder.Property(attempt => attempt.Nonce).HasMaxLength(128);
        // Expired attempts are swept by expiry.
        builder.HasIndex(attempt => attempt.ExpiresAt);
    }
}
