using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.Core.Audit;
using Platform.Core.Identity.Providers;
using Platform.Core.Organizations;
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
    ProviderEgress egress,
    OidcTokenValidator validator,
    OidcCodeExchange codeExchange,
    IOptions<PlatformOidcOptions> options,
    SecretReferences secrets,
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
        catch (ProviderUnusableException unusable)
        {
            LogProviderUnusable(logger, provider.Id, unusable.Code);
            return OidcSignInStart.Unusable(unusable.Code);
        }

        // The browser goes there, not the platform; still never to plain http of a stranger's host.
        if (!Uri.TryCreate(authorizationEndpoint, UriKind.Absolute, out var authorizationUri)
            || ProviderDestinationRule.Refusal(authorizationUri, egress.AllowList) is not null
            || authorizationUri.Fragment.Length > 0)
        {
            LogProviderUnusable(logger, provider.Id, ProviderFailure.DestinationNotAllowed);
            return OidcSignInStart.Unusable(ProviderFailure.DestinationNotAllowed);
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
            return await RefuseAsync(null, "unknown, used or expired state", clientAddress, cancellationToken);
        }

        var provider = await providers.FindByIdAsync(attempt.ProviderId, cancellationToken);
        if (provider is null)
        {
            return await RefuseAsync(null, "the provider no longer exists", clientAddress, cancellationToken);
        }

        if (attempt.IsTest ? attempt.InitiatedByUserId != callerUserId
                : !provider.IsPlatformProvider && provider.State is not (IdentityProviderState.Enabled or IdentityProviderState.Enforced))
        {
            return await RefuseAsync(provider, attempt.IsTest ? "a test sign-in is finished by the admin who started it" : "the provider is not enabled",
                clientAddress, cancellationToken);
        }

        JsonWebToken idToken;
        try
        {
            string? clientSecret;
            try
            {
                clientSecret = secrets.ClientSecretOf(provider);
            }
            catch (SecretReferenceException)
            {
                // Which reference and why is the configuration endpoint's to say, to the tenant's admins.
                return await RefuseAsync(provider, "the client secret reference does not resolve", clientAddress, cancellationToken);
            }

            var (rawIdToken, exchangeFailure) = await codeExchange.ExchangeAsync(provider, clientSecret, code,
                attempt.RedirectUri, attempt.CodeVerifier, cancellationToken);
            if (rawIdToken is null)
            {
                return await RefuseUnusableAsync(provider, exchangeFailure!, null, clientAddress, cancellationToken);
            }

            var validation = await validator.ValidateAsync(rawIdToken, provider, provider.ClientId, cancellationToken);
            if (!validation.IsValid)
            {
                return await RefuseUnusableAsync(provider, ProviderFailure.IdTokenInvalid, validation.Failure, clientAddress, cancellationToken);
            }

            idToken = validation.Token!;
            if (AuthorizedParty.Problem(idToken, provider.ClientId) is { } otherParty)
            {
                return await RefuseAsync(provider, otherParty, clientAddress, cancellationToken);
            }
        }
        catch (ProviderUnusableException unusable)
        {
            return await RefuseUnusableAsync(provider, unusable.Code, null, clientAddress, cancellationToken);
        }
        catch (Exception exception) when (IsUnreachable(exception, cancellationToken))
        {
            // Whatever else failed on the way to the provider: one code for all of it.
            return await RefuseUnusableAsync(provider, ProviderFailure.DiscoveryFailed, exception.GetType().Name, clientAddress, cancellationToken);
        }

        // The nonce ties the ID token to this attempt: a token from another sign-in (replayed or
        // injected with a stolen code) carries another one.
        if (!idToken.TryGetPayloadValue<string>("nonce", out var nonce) || !string.Equals(nonce, attempt.Nonce, StringComparison.Ordinal))
        {
            return await RefuseAsync(provider, "ID token: nonce mismatch", clientAddress, cancellationToken);
        }

        if (ExternalClaims.Subject(idToken, provider) is not { } subject)
        {
            return await RefuseAsync(provider, "ID token: subject claims missing or naming another directory", clientAddress, cancellationToken);
        }

        if (StorableClaims.Problem(provider, subject, idToken) is { } unstorable)
        {
            return await RefuseAsync(provider, unstorable, clientAddress, cancellationToken);
        }

        if (provider.IsPlatformProvider)
        {
            return await SignInThroughPlatformProviderAsync(provider, idToken, subject, clientAddress, cancellationToken);
        }

        return attempt.IsTest
            ? await TestTenantProviderAsync(provider, idToken, subject, attempt.InitiatedByUserId!.Value, clientAddress, cancellationToken)
            : await SignInThroughTenantProviderAsync(provider, idToken, subject, clientAddress, cancellationToken);
    }

    /// <summary>
    /// A tenant admin's test: the provider worked end to end (code, ID token, claims), so it becomes
    /// tested. Nobody is signed in, linked or provisioned; the admin sees what the tenant's rules
    /// would decide for the person who signed in at the provider.
    /// </summary>
    private async Task<OidcSignInResult> TestTenantProviderAsync(OidcProviderSettings provider, JsonWebToken idToken, string subject,
        Guid adminId, string? clientAddress, CancellationToken cancellationToken)
    {
        var tenantId = provider.TenantId!.Value;
        var now = time.GetUtcNow();
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        database.Scope.EnterTenant(tenantId);
        var entity = await database.IdentityProviders.SingleOrDefaultAsync(p => p.Id == provider.Id, cancellationToken);
        if (entity is null || !await IsTenantAdminAsync(tenantId, adminId, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return await RefuseAsync(provider, "the test's admin is no longer an admin, or the provider is gone", clientAddress,
                cancellationToken);
        }

        // A test runs on a session not opened through the tenant's provider: under enforcement only
        // the break-glass admin's may still act for the tenant.
        if (await database.RefusesUnboundAsync(adminId, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return await RefuseAsync(provider, "the tenant enforces SSO: only its break-glass admin may run a test sign-in", clientAddress,
                cancellationToken);
        }

        var email = NormalizedEmail(idToken);
        var identity = await ExternalIdentityLookup.FindAsync(database, provider.Id, provider.Issuer, subject, cancellationToken);
        var userId = identity?.UserId
            ?? (email is null ? null : await database.Users.Where(u => u.Email == email).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken));
        var isMember = userId is { } id && await database.TenantMemberships.AnyAsync(m => m.TenantId == tenantId && m.UserId == id, cancellationToken);
        var decision = TenantSignInRules.Decide(entity, ExternalClaims.All(idToken), email, isMember);
        if (identity is null && !entity.JitEnabled && decision.Allowed)
        {
            decision = SignInDecision.Refused(SignInRefusal.NotLinked);
        }
        else if (identity is null && !VouchesForEmail(provider, idToken) && decision.Allowed)
        {
            decision = SignInDecision.Refused(SignInRefusal.EmailNotVerified);
        }
        else if (identity is null && userId is not null && !isMember && decision.Allowed)
        {
            decision = SignInDecision.Refused(SignInRefusal.EmailOfAnotherAccount);
        }

        entity.MarkTested(now);
        await audit.AppendAsync(new AuditRecord(tenantId, AuditActor.ForUser(adminId), "identity-provider.tested", "identity-provider",
            provider.Id.ToString(), After: AuditJson.Of(new { state = entity.State.ToString(), wouldBeAllowed = decision.Allowed, decision.Reason }),
            ClientAddress: clientAddress), cancellationToken);
        await database.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OidcSignInResult(LoginResult.Refused,
            new OidcTestOutcome(provider.Id, subject, email, decision.Allowed, decision.Reason, decision.Allowed ? decision.Role?.ToString() : null), null);
    }

    /// <summary>
    /// A tenant's provider: a linked identity signs in as its user; an unlinked one only with JIT on and
    /// an e-mail the provider vouches for (verified, or from an Entra directory, which owns its names),
    /// linked to the user with that e-mail if they are a member of this tenant, or to a new user (whose
    /// address stays unverified outside this tenant); never to an account outside it. The tenant's rules (e-mail domains, JIT, mapping) decide; a new member
    /// gets their role and grants in this tenant only, and the session is bound to this tenant: the
    /// tenant's provider vouches for nobody anywhere else.
    /// </summary>
    private async Task<OidcSignInResult> SignInThroughTenantProviderAsync(OidcProviderSettings provider, JsonWebToken idToken,
        string subject, string? clientAddress, CancellationToken cancellationToken)
    {
        var tenantId = provider.TenantId!.Value;
        var now = time.GetUtcNow();
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        database.Scope.EnterTenant(tenantId);
        var entity = await database.IdentityProviders.SingleOrDefaultAsync(p => p.Id == provider.Id, cancellationToken);
        if (entity is not { IsLive: true })
        {
            await transaction.RollbackAsync(cancellationToken);
            return await RefuseAsync(provider, "the provider is not enabled", clientAddress, cancellationToken);
        }

        var email = NormalizedEmail(idToken);
        var identity = await ExternalIdentityLookup.FindAsync(database, provider.Id, provider.Issuer, subject, cancellationToken);
        User? user;
        if (identity is not null)
        {
            user = await database.Users.SingleAsync(u => u.Id == identity.UserId, cancellationToken);
            identity.RecordSignIn(now);
        }
        else
        {
            var refusal = !entity.JitEnabled ? SignInRefusal.NotLinked
                : email is null ? SignInRefusal.EmailMissing
                : null;
            user = email is null ? null : await database.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
            if (refusal is null && !VouchesForEmail(provider, idToken))
            {
                refusal = SignInRefusal.EmailNotVerified;
            }

            var existingMember = user is not null && await IsMemberAsync(tenantId, user.Id, cancellationToken);
            if (user is not null && !existingMember)
            {
                refusal ??= SignInRefusal.EmailOfAnotherAccount;
            }

            if (user is { IsServiceAccount: true } || User.IsServiceAccountEmail(email ?? string.Empty))
            {
                refusal = SignInRefusal.ServiceAccount;
            }

            // The rules first: nothing is written for someone the tenant would not let in.
            var preview = TenantSignInRules.Decide(entity, ExternalClaims.All(idToken), email, existingMember);
            refusal ??= preview.Allowed ? null : preview.Reason;
            if (refusal is not null)
            {
                await transaction.RollbackAsync(cancellationToken);
                return await RefuseAsync(provider, refusal, clientAddress, cancellationToken);
            }

            if (user is null)
            {
                user = new User(email!, DisplayName(idToken, email!), PlatformRole.None, now);
                database.Users.Add(user);
                await audit.AppendAsync(new AuditRecord(tenantId, AuditActor.System, "sso.user-provisioned", "user", user.Id.ToString(),
                    After: AuditJson.Of(new { providerId = provider.Id }), ClientAddress: clientAddress), cancellationToken);
            }

            identity = new ExternalIdentity(provider.Id, tenantId, provider.Issuer, subject, user.Id, now);
            database.ExternalIdentities.Add(identity);
            await audit.AppendAsync(new AuditRecord(tenantId, AuditActor.System, "sso.identity-linked", "user", user.Id.ToString(),
                After: AuditJson.Of(new { providerId = provider.Id }), ClientAddress: clientAddress), cancellationToken);
        }

        var isMember = await IsMemberAsync(tenantId, user.Id, cancellationToken);
        var decision = TenantSignInRules.Decide(entity, ExternalClaims.All(idToken), email, isMember);
        if (!decision.Allowed)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await RefuseAsync(provider, decision.Reason ?? "refused by the tenant's rules", clientAddress, cancellationToken);
        }

        if (decision.Provision && !isMember)
        {
            await ProvisionMembershipAsync(tenantId, user.Id, provider.Id, decision, now, clientAddress, cancellationToken);
        }

        var result = await OpenSessionAsync(user, provider, clientAddress, cancellationToken);
        await database.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>JIT: the membership and grants the rules decided, in the provider's tenant only. Runs in the caller's transaction.</summary>
    private async Task ProvisionMembershipAsync(Guid tenantId, Guid userId, Guid providerId, SignInDecision decision, DateTimeOffset now,
        string? clientAddress, CancellationToken cancellationToken)
    {
        var role = decision.Role ?? TenantRole.Viewer;
        database.TenantMemberships.Add(new TenantMembership(tenantId, userId, role, now));
        // Organizations named by rules were checked when the rules were saved; one deleted since is skipped.
        var wanted = decision.OrganizationGrants.Select(grant => grant.OrganizationId).ToList();
        var existing = await database.Organizations.Where(o => wanted.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken);
        var grants = decision.OrganizationGrants.Where(grant => existing.Contains(grant.OrganizationId)).ToList();
        foreach (var grant in grants)
        {
            database.OrganizationGrants.Add(new OrganizationGrant(tenantId, grant.OrganizationId, userId, grant.Access, canExport: false, now));
        }

        await audit.AppendAsync(new AuditRecord(tenantId, AuditActor.System, "member.added", "user", userId.ToString(),
            After: AuditJson.Of(new
            {
                role = role.ToString(),
                via = "sso",
                providerId,
                organizationGrants = grants.Select(grant => new { grant.OrganizationId, access = grant.Access.ToString() }),
            }), ClientAddress: clientAddress), cancellationToken);
    }

    private Task<bool> IsMemberAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken) =>
        database.TenantMemberships.AnyAsync(m => m.TenantId == tenantId && m.UserId == userId, cancellationToken);

    /// <summary>
    /// The platform provider: a known identity signs in as its user. An unknown one with a verified
    /// e-mail of an existing user whose address was confirmed is linked to that user (the provider
    /// vouches for the address); one whose address nobody confirmed is refused, since its password
    /// may be someone else's.
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
            // A platform-provider link is its user's row: recorded under that user's scope.
            database.Scope.IdentifyUser(user.Id);
            identity.RecordSignIn(now);
        }
        else
        {
            if (NormalizedEmail(idToken) is not { } email || !ExternalClaims.EmailVerified(idToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return await RefuseAsync(provider, "no verified e-mail for a new identity", clientAddress, cancellationToken);
            }

            user = await database.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
            if (user is { IsServiceAccount: true } || User.IsServiceAccountEmail(email))
            {
                await transaction.RollbackAsync(cancellationToken);
                return await RefuseAsync(provider, SignInRefusal.ServiceAccount, clientAddress, cancellationToken);
            }

            if (user is { IsEmailVerified: false })
            {
                await transaction.RollbackAsync(cancellationToken);
                return await RefuseAsync(provider, SignInRefusal.AccountEmailUnverified, clientAddress, cancellationToken);
            }

            var provisioned = user is null;
            if (user is null)
            {
                user = new User(email, DisplayName(idToken, email), PlatformRole.None, now);
                // The platform's own provider vouched for the address.
                user.MarkEmailVerified(now);
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
        var session = new Session(token.Id, token.Hash(), user.Id, time.GetUtcNow(), clientAddress, provider.TenantId);
        database.Sessions.Add(session);
        await audit.AppendAsync(new AuditRecord(provider.TenantId, AuditActor.ForUser(user.Id), "sso.login", "session", session.Id,
            After: AuditJson.Of(new { providerId = provider.Id }), ClientAddress: clientAddress), cancellationToken);
        return new OidcSignInResult(new LoginResult(user, token.Value, session.ExpiresAt), null, null);
    }

    private Task<OidcSignInResult> RefuseAsync(OidcProviderSettings? provider, string reason, string? clientAddress,
        CancellationToken cancellationToken) => RefuseAsync(provider, reason, null, clientAddress, cancellationToken);

    /// <summary>
    /// The provider could not be used: the audit says so with a <see cref="ProviderFailure"/> code and
    /// nothing of the remote side's answer; <paramref name="detail"/> (e.g. which validation failed,
    /// never a part of a token) goes to the log only.
    /// </summary>
    private Task<OidcSignInResult> RefuseUnusableAsync(OidcProviderSettings provider, string code, string? detail, string? clientAddress,
        CancellationToken cancellationToken)
    {
        LogProviderUnusable(logger, provider.Id, detail is null ? code : $"{code} ({detail})");
        return RefuseAsync(provider, ProviderFailure.Summary, code, clientAddress, cancellationToken);
    }

    private async Task<OidcSignInResult> RefuseAsync(OidcProviderSettings? provider, string reason, string? code, string? clientAddress,
        CancellationToken cancellationToken)
    {
        LogRefused(logger, provider?.Id, code is null ? reason : $"{reason}: {code}");
        database.ChangeTracker.Clear();
        if (provider?.TenantId is { } tenantId)
        {
            // A tenant provider's failures go to that tenant's audit chain, where its admins see them.
            database.Scope.EnterTenant(tenantId);
        }

        var details = code is null
            ? AuditJson.Of(new { providerId = provider?.Id, reason })
            : AuditJson.Of(new { providerId = provider?.Id, reason, code });
        await database.InTransactionAsync(async () =>
        {
            await audit.AppendAsync(new AuditRecord(provider?.TenantId, AuditActor.Anonymous, "sso.login", "identity-provider",
                provider?.Id.ToString(), After: details, ClientAddress: clientAddress, Outcome: AuditOutcome.Failure), cancellationToken);
            return true;
        }, cancellationToken);
        return OidcSignInResult.Refused(code is null ? reason : $"{reason}: {code}");
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

    /// <summary>
    /// Whether the provider vouches for the token's address: it says so (<c>email_verified</c>), or it is
    /// an Entra directory, which owns its names. A tenant's provider vouches inside its tenant only: the
    /// accounts it provisions stay unverified for the rest of the platform.
    /// </summary>
    private static bool VouchesForEmail(OidcProviderSettings provider, JsonWebToken token) =>
        ExternalClaims.EmailVerified(token) || provider.Kind == IdentityProviderKind.EntraId;

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
        if (string.IsNullOrEmpty(name))
        {
            return email;
        }

        // Shortened without splitting a surrogate pair, which would leave text PostgreSQL cannot store.
        var length = Math.Min(name.Length, User.MaxDisplayNameLength);
        if (length < name.Length && char.IsHighSurrogate(name[length - 1]))
        {
            length--;
        }

        return name[..length].TrimEnd();
    }

    private static bool IsUnreachable(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or InvalidOperationException or IOException or TaskCanceledException
        && !cancellationToken.IsCancellationRequested;

    [LoggerMessage(Level = LogLevel.Information, Message = "SSO sign-in refused (provider {ProviderId}): {Reason}")]
    private static partial void LogRefused(ILogger logger, Guid? providerId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity provider {ProviderId} could not be used: {Code}")]
    private static partial void LogProviderUnusable(ILogger logger, Guid providerId, string code);
}
