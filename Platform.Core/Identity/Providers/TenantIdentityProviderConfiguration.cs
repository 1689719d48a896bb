using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Tenancy;

namespace Platform.Core.Identity.Providers;

internal sealed class TenantIdentityProviderConfiguration : IEntityTypeConfiguration<TenantIdentityProvider>
{
    // Enum names, not numbers, in the stored rules: readable in the database and stable if an enum grows.
    private static readonly JsonSerializerOptions RuleJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public void Configure(EntityTypeBuilder<TenantIdentityProvider> builder)
    {
        builder.ToTable("identity_providers");
        builder.HasKey(provider => new { provider.TenantId, provider.Id });
        builder.HasIndex(provider => provider.Id).IsUnique();
        // Two tenants may register the same issuer (one Entra directory); one tenant once.
        builder.HasIndex(provider => new { provider.TenantId, provider.Issuer }).IsUnique();
        // Tokens name only their issuer: the lookup before any tenant is known.
        builder.HasIndex(provider => provider.Issuer);
        builder.Property(provider => provider.Name).HasMaxLength(TenantIdentityProvider.MaxNameLength);
        builder.Property(provider => provider.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(provider => provider.Issuer).HasMaxLength(ProviderIssuer.MaxLength);
        builder.Property(provider => provider.EntraDirectoryId).HasMaxLength(36);
        builder.Property(provider => provider.ClientId).HasMaxLength(TenantIdentityProvider.MaxClientIdLength);
        builder.Property(provider => provider.ClientSecretReference).HasMaxLength(SecretReferences.MaxReferenceLength);
        builder.Property(provider => provider.Audience).HasMaxLength(TenantIdentityProvider.MaxAudienceLength);
        builder.Property(provider => provider.DefaultRole).HasConversion<string>().HasMaxLength(20);
        builder.Property(provider => provider.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(provider => provider.MappingRules)
            .HasColumnType("jsonb")
            .HasConversion(
                rules => JsonSerializer.Serialize(rules, RuleJson),
                json => JsonSerializer.Deserialize<List<ClaimMappingRule>>(json, RuleJson) ?? new List<ClaimMappingRule>(),
                new ValueComparer<IReadOnlyList<ClaimMappingRule>>(
                    (left, right) => left!.SequenceEqual(right!),
                    rules => rules.Aggregate(0, HashCode.Combine),
                    rules => rules.ToList()));
        builder.Ignore(provider => provider.IsLive);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(provider => provider.TenantId).OnDelete(DeleteBehavior.Cascade);
        // A user cannot vanish while they are the one way back in.
        builder.HasOne<User>().WithMany().HasForeignKey(provider => provider.BreakGlassUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
