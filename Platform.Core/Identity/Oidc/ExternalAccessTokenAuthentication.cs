using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Core.Identity.Providers;
using Platform.Core.Persistence;

namespace Platform.Core.Identity.Oidc;

/// <summary>
/// Accepts a provider's JWT access token as <c>Authorization: Bearer</c>: the token's unvalidated
/// <c>iss</c> only chooses which providers to try; each validates it with its own keys, issuer and
/// audience. The (issuer, subject) must already be linked to a user: a bare access token never
/// provisions anyone. A tenant provider's token acts only in that tenant.
/// </summary>
public sealed partial class ExternalAccessTokenAuthentication(
    IIdentityProviderDirectory providers,
    OidcTokenValidator validator,
    PlatformDbContext database,
    ILogger<ExternalAccessTokenAuthentication> logger)
{
    public async Task<ExternalAccessTokenIdentity?> AuthenticateAsync(string bearerToken, CancellationToken cancellationToken)
    {
        var unvalidated = OidcTokenValidator.ReadUnvalidated(bearerToken);
        if (unvalidated is null || string.IsNullOrEmpty(unvalidated.Issuer))
        {
            LogRefused(logger, null, "not a JWT with an issuer");
            return null;
        }

        var candidates = (await providers.FindByIssuerAsync(unvalidated.Issuer, cancellationToken)).Where(AcceptsAccessTokens).ToList();
        if (candidates.Count == 0)
        {
            LogRefused(logger, null, "no enabled provider has this issuer");
            return null;
        }

        var matches = new List<ExternalAccessTokenIdentity>();
        foreach (var provider in candidates)
        {
            OidcTokenValidation validation;
            try
            {
                validation = await validator.ValidateAsync(bearerToken, provider, provider.Audience, cancellationToken);
            }
            catch (ProviderUnusableException unusable)
            {
                LogProviderUnusable(logger, provider.Id, unusable.Code);
                continue;
            }

            if (!validation.IsValid)
            {
                LogRefused(logger, provider.Id, validation.Failure!);
                continue;
            }

            if (ExternalClaims.Subject(validation.Token!, provider) is not { } subject)
            {
                LogRefused(logger, provider.Id, "the subject claims are missing or name another directory");
                continue;
            }

            if (await FindUserAsync(provider, subject, cancellationToken) is { } userId)
            {
                matches.Add(new ExternalAccessTokenIdentity(provider.Id, provider.TenantId, userId));
            }
            else
            {
                // No JIT here: a user appears only through an interactive sign-in, where the
                // provider's rules (domains, JIT switch, mapping) are applied.
                LogRefused(logger, provider.Id, "no user is linked to this identity");
            }
        }

        if (matches.Count > 1)
        {
            // Two tenants registered the same issuer and audience, and the person is linked in both:
            // the token cannot say which tenant it is for, so it is for none. Such tenants give
            // their providers distinct audiences (app registrations).
            LogRefused(logger, null, "the token is valid for several tenants' providers");
            return null;
        }

        return matches.SingleOrDefault();
    }

    /// <summary>The platform provider always; a tenant's once enabled (a configured or tested one serves only the admin's test sign-in).</summary>
    public static bool AcceptsAccessTokens(OidcProviderSettings provider) =>
        provider.IsPlatformProvider || provider.State is IdentityProviderState.Enabled or IdentityProviderState.Enforced;

    private async Task<Guid?> FindUserAsync(OidcProviderSettings provider, string subject, CancellationToken cancellationToken)
    {
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        var identity = await ExternalIdentityLookup.FindAsync(database, provider.Id, provider.Issuer, subject, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // A link made by another tenant's provider with the same issuer is not this provider's.
        return identity is not null && identity.TenantId == provider.TenantId ? identity.UserId : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "External access token refused (provider {ProviderId}): {Reason}")]
    private static partial void LogRefused(ILogger logger, Guid? providerId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity provider {ProviderId} could not be used: {Code}")]
    private static partial void LogProviderUnusable(ILogger logger, Guid providerId, string code);
}

/// <param name="TenantId">The tenant the token is bound to (its provider's); null for the platform provider.</param>
public sealed record ExternalAccessTokenIdentity(Guid ProviderId, Guid? TenantId, Guid UserId);
