using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.Core.Audit;
using Platform.Core.Identity.Providers;
using Platform.Core.Persistence;
using Platform.Core.Tenancy;

namespace Platform.Core.Identity.Oidc;

/// <summary>
/// Interactive sign-in through an OpenID provider with the authorization code flow and PKCE, driven
/// by a server (the web app) on another origin: <see cref="StartAsync"/> gives it the URL to send the
/// browser to and keeps verifier, nonce and redirect URI here; <see cref="CompleteAsync"/> takes the
/// state and code the browser brought back, redeems the code, validates the ID token and opens a
/// session, as a password login does.
/// </summary>
public sealed partial class OidcSignIn(
    PlatformDbContext database,
    IIdentityProviderDirectory providers,
    OidcMetadata metadata,
    OidcTokenValidator validator,
    OidcCodeExchange codeExchange,
    IOptions<PlatformOidcOptions> options,
    AuditLog audit,
    TimeProvider time,
    ILogger<OidcSignIn> logger)
{
    private const string Scopes = "openid email profile";

    public async Task<OidcSignInStart> StartAsync(Guid? providerId, string redirectUri, bool test, Guid? callerUserId,
        CancellationToken cancellationToken)
    {
        var provider = await providers.FindByIdAsync(providerId ?? OidcProviderSettings.PlatformProviderId, cancellationToken);
        if (provider is null)
        {
            return OidcSignInStart.Failed(OidcSignInStartError.UnknownProvider);
        }

        // Exact match against the configured list: the code goes wherever this URI points.
        if (!options.Value.AllowedRedirectUris.Contains(redirectUri, StringComparer.Ordinal))
        {
            return OidcSignInStart.Failed(OidcSignInStartError.RedirectUriNotAllowed);
        }

        if (test)
        {
            if (provider.IsPlatformProvider || callerUserId is null || !await IsTenantAdminAsync(provider.TenantId!.Value, callerUserId.Value, cancellationToken))
            {
                return OidcSignInStart.Failed(OidcSignInStartError.TestNotAllowed);
            }
        }
        else if (!provider.IsPlatformProvider && provider.State is not (IdentityProviderState.Enabled or IdentityProviderState.Enforced))
        {
            // Not yet in use: as unknown as a provider that does not exist.
            return OidcSignInStart.Failed(OidcSignInStartError.UnknownProvider);
        }

        string authorizationEndpoint;
        try
        {
            var configuration = await metadata.GetAsync(provider.Issuer, cancellationToken);
            authorizationEndpoint = configuration.AuthorizationEndpoint;
        }
        catch (Exception exception) when (IsUnreachable(exception, cancellationToken))
        {
            LogMetadataUnavailable(logger, provider.Id, exception.GetType().Name);
            return OidcSignInStart.Failed(OidcSignInStartError.ProviderUnavailable);
        }

        if (!OidcMetadata.IsAcceptableIssuer(authorizationEndpoint, out _))
        {
            return OidcSignInStart.Failed(OidcSignInStartError.ProviderUnavailable);
        }

        var now = time.GetUtcNow();
        var (attempt, state) = OidcSignInAttempt.Start(provider.Id, redirectUri, test, test ? callerUserId : null, now);
        await database.OidcSignInAttempts.Where(old => old.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        database.OidcSignInAttempts.Add(attempt);
        await database.SaveChangesAsync(cancellationToken);

        var query = new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = provider.ClientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = Scopes,
            ["state"] = state,
            ["nonce"] = attempt.Nonce,
            ["code_challenge"] = attempt.CodeChallenge,
            ["code_challenge_method"] = "S256",
        };
        var separator = authorizationEndpoint.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var url = authorizationEndpoint + separator
            + string.Join('&', query.Select(pair => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(pair.Value)}"));
        return new OidcSignInStart(url, state, OidcSignInStartError.None);
    }

    public async Task<OidcSignInResult> CompleteAsync(string state, string code, Guid? callerUserId, string? clientAddress,
        CancellationToken cancellationToken)
    {
        var attempt = await ConsumeAsync(state, cancellationToken);
        if (attempt is null)
        {
            return await RefuseAsync(null, null, "unknown, used or expired state", clientAddress, cancellationToken);
        }

        var provider = await providers.FindByIdAsync(attempt.ProviderId, cancellationToken);
        if (provider is null)
        {
            return await RefuseAsync(null, null, "the provider no longer exists", clientAddress, cancellationToken);
        }

        if (attempt.IsTest ? attempt.InitiatedByUserId != callerUserId
                : !provider.IsPlatformProvider && provider.State is not (IdentityProviderState.Enabled or IdentityProviderState.Enforced))
        {
            return await RefuseAsync(provider, null, attempt.IsTest ? "a test sign-in is finished by the admin who started it" : "the provider is not enabled",
                clientAddress, cancellationToken);
        }

        JsonWebToken idToken;
        try
        {
            var (rawIdToken, exchangeFailure) = await codeExchange.ExchangeAsync(provider, ResolveClientSecret(provider), code,
                attempt.RedirectUri, attempt.CodeVerifier, cancellationToken);
            if (rawIdToken is null)
            {
                return await RefuseAsync(provider, null, exchangeFailure!, clientAddress, cancellationToken);
            }

            var validation = await validator.ValidateAsync(rawIdToken, provider, provider.ClientId, cancellationToken);
            if (!validation.IsValid)
            {
                return await RefuseAsync(provider, null, "ID token: " + validation.Failure, clientAddress, cancellationToken);
            }

            idToken = validation.Token!;
        }
        catch (Exception exception) when (IsUnreachable(exception, cancellationToken))
        {
            LogMetadataUnavailable(logger, provider.Id, exception.GetType().Name);
            return await RefuseAsync(provider, null, "the provider could not be reached", clientAddress, cancellationToken);
        }

        // The nonce ties the ID token to this attempt: a token from another sign-in (replayed or
        // injected with a stolen code) carries another one.
        if (!idToken.TryGetPayloadValue<string>("nonce", out var nonce) || !string.Equals(nonce, attempt.Nonce, StringComparison.Ordinal))
        {
            return await RefuseAsync(provider, null, "ID token: nonce mismatch", clientAddress, cancellationToken);
        }

        if (ExternalClaims.Subject(idToken, provider) is not { } subject)
        {
            return await RefuseAsync(provider, null, "ID token: subject claims missing or naming another directory", clientAddress, cancellationToken);
        }

        if (provider.IsPlatformProvider)
        {
            return await SignInThroughPlatformProviderAsync(provider, idToken, subject, clientAddress, cancellationToken);
        }

        return await RefuseAsync(provider, subject, "tenant providers are not available", clientAddress, cancellationToken);
    }

    /// <summary>
    /// The platform provider: a known identity signs in as its user. An unknown one with a verified
    /// e-mail of an existing user is linked to that user (the provider vouches for the address).
    /// Anyone else becomes a new user without memberships (JIT at platform level): the provider is the
    /// platform's own, so whoever it knows may have an account — which gives nothing until a tenant
    /// admin adds it as a member. Unverified addresses are refused outright: a new account holding an
    /// address its owner never confirmed would receive that address's later invitations.
    /// </summary>
    private async Task<OidcSignInResult> SignInThroughPlatformProviderAsync(OidcProviderSettings provider, JsonWebToken idToken,
        string subject, string? clientAddress, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        var identity = await ExternalIdentityLookup.FindAsync(database, provider.Id, provider.Issuer, subject, cancellationToken);
        User? user;
        if (identity is not null)
        {
            user = await database.Users.SingleAsync(u => u.Id == identity.UserId, cancellationToken);
            identity.RecordSignIn(now);
        }
        else
        {
            if (NormalizedEmail(idToken) is not { } email || !ExternalClaims.EmailVerified(idToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return await RefuseAsync(provider, subject, "no verified e-mail for a new identity", clientAddress, cancellationToken);
            }

            user = await database.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
            var provisioned = user is null;
            if (user is null)
            {
                user = new User(email, DisplayName(idToken, email), PlatformRole.None, now);
                database.Users.Add(user);
                await audit.AppendAsync(new AuditRecord(null, AuditActor.System, "sso.user-provisioned", "user", user.Id.ToString(),
                    After: AuditJson.Of(new { providerId = provider.Id }), ClientAddress: clientAddress), cancellationToken);
            }

            // Row-level security lets a platform-provider link be written for the user it names.
            database.Scope.IdentifyUser(user.Id);
            identity = new ExternalIdentity(provider.Id, null, provider.Issuer, subject, user.Id, now);
            database.ExternalIdentities.Add(identity);
            await audit.AppendAsync(new AuditRecord(null, AuditActor.System, "sso.identity-linked", "user", user.Id.ToString(),
                After: AuditJson.Of(new { providerId = provider.Id, provisioned }), ClientAddress: clientAddress), cancellationToken);
        }

        var result = await OpenSessionAsync(user, provider, clientAddress, cancellationToken);
        await database.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>A session like a password login's (same lifetime rules), audited as an SSO login. Runs in the caller's transaction.</summary>
    private async Task<OidcSignInResult> OpenSessionAsync(User user, OidcProviderSettings provider, string? clientAddress,
        CancellationToken cancellationToken)
    {
        var token = OpaqueToken.Create(OpaqueToken.SessionPrefix);
        var session = new Session(token.Id, token.Hash(), user.Id, time.GetUtcNow(), clientAddress);
        database.Sessions.Add(session);
        await audit.AppendAsync(new AuditRecord(provider.TenantId, AuditActor.ForUser(user.Id), "sso.login", "session", session.Id,
            After: AuditJson.Of(new { providerId = provider.Id }), ClientAddress: clientAddress), cancellationToken);
        return new OidcSignInResult(new LoginResult(user, token.Value, session.ExpiresAt), null, null);
    }

    private async Task<OidcSignInResult> RefuseAsync(OidcProviderSettings? provider, string? subject, string reason, string? clientAddress,
        CancellationToken cancellationToken)
    {
        _ = subject;
        LogRefused(logger, provider?.Id, reason);
        database.ChangeTracker.Clear();
        if (provider?.TenantId is { } tenantId)
        {
            // A tenant provider's failures go to that tenant's audit chain, where its admins see them.
            database.Scope.EnterTenant(tenantId);
        }

        await database.InTransactionAsync(async () =>
        {
            await audit.AppendAsync(new AuditRecord(provider?.TenantId, AuditActor.Anonymous, "sso.login", "identity-provider",
                provider?.Id.ToString(), After: AuditJson.Of(new { providerId = provider?.Id, reason }), ClientAddress: clientAddress,
                Outcome: AuditOutcome.Failure), cancellationToken);
            return true;
        }, cancellationToken);
        return OidcSignInResult.Refused(reason);
    }

    /// <summary>Takes the attempt out of the table as it is read: a state works once, even for two requests at the same instant.</summary>
    private async Task<OidcSignInAttempt?> ConsumeAsync(string state, CancellationToken cancellationToken)
    {
        var hash = OidcSignInAttempt.HashState(state);
        var consumed = await database.OidcSignInAttempts
            .FromSql($"DELETE FROM oidc_sign_in_attempts WHERE state_hash = {hash} RETURNING *")
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return consumed.SingleOrDefault() is { } attempt && !attempt.IsExpired(time.GetUtcNow()) ? attempt : null;
    }

    private async Task<bool> IsTenantAdminAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken) =>
        // The data scope names the caller, so their own memberships are visible in every tenant.
        await database.TenantMemberships.AnyAsync(membership => membership.TenantId == tenantId && membership.UserId == userId
            && membership.Role == TenantRole.Admin, cancellationToken);

    private static string? ResolveClientSecret(OidcProviderSettings provider) =>
        provider.ClientSecretReference is null
            ? null
            : throw new InvalidOperationException("Confidential clients need the secret resolver of the tenants' provider configuration.");

    private static string? NormalizedEmail(JsonWebToken token)
    {
        try
        {
            return ExternalClaims.Email(token) is { } email ? User.NormalizeEmail(email) : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string DisplayName(JsonWebToken token, string email)
    {
        var name = ExternalClaims.Name(token)?.Trim();
        return string.IsNullOrEmpty(name) ? email : name.Length > User.MaxDisplayNameLength ? name[..User.MaxDisplayNameLength] : name;
    }

    private static bool IsUnreachable(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or InvalidOperationException or IOException or TaskCanceledException
        && !cancellationToken.IsCancellationRequested;

    [LoggerMessage(Level = LogLevel.Information, Message = "SSO sign-in refused (provider {ProviderId}): {Reason}")]
    private static partial void LogRefused(ILogger logger, Guid? providerId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The metadata of provider {ProviderId} could not be read: {ErrorType}")]
    private static partial void LogMetadataUnavailable(ILogger logger, Guid providerId, string errorType);
}
