using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Identity;
using Platform.Core.Identity.Oidc;
using Platform.Core.Tenancy.Invitations;
using Platform.Core.UseCases;

namespace Platform.Api.Tenancy;

/// <summary>Who is calling and, on a tenant route, what they may do there. Scoped per request.</summary>
public sealed class CurrentPrincipal
{
    private TenantAccess? _access;
    private Guid? _sessionTenantId;

    public Guid UserId { get; private set; }

    public PlatformRole PlatformRole { get; private set; }

    public string? ClientAddress { get; private set; }

    /// <summary>Set when the caller authenticated with an API token: its tenant and scopes bound the request.</summary>
    public ApiTokenPrincipal? ApiToken { get; private set; }

    /// <summary>Set when the caller authenticated with an OpenID provider's access token.</summary>
    public ExternalAccessTokenIdentity? ExternalToken { get; private set; }

    /// <summary>
    /// The one tenant the credential may act in (an API token's; a tenant provider's access token's),
    /// or null. A tenant-bound caller gets 404 in every other tenant and 403 outside tenant routes.
    /// </summary>
    public Guid? BoundTenantId => ApiToken?.TenantId ?? ExternalToken?.TenantId ?? _sessionTenantId;

    /// <summary>
    /// True for a bearer credential that is not a session of the platform's own (API tokens, providers'
    /// access tokens): such a caller may not mint or manage the platform's credentials.
    /// </summary>
    public bool IsDelegatedCredential => ApiToken is not null || ExternalToken is not null;

    /// <summary>
    /// The user of a platform session that is bound to no tenant, or null: who may start or finish an
    /// admin's test sign-in of a tenant's provider (a test marks that provider tested). Delegated
    /// credentials and sessions opened through a tenant's provider vouch for less.
    /// </summary>
    public Guid? UnboundSessionUserId => UserId != Guid.Empty && !IsDelegatedCredential && BoundTenantId is null ? UserId : null;

    /// <summary>The caller's rights in the route's tenant; set before any tenant endpoint runs.</summary>
    public TenantAccess Access => _access ?? throw new InvalidOperationException("This is not a tenant route.");

    /// <summary>The caller as audit records name them: with the API token, when the request carried one.</summary>
    public AuditActor AuditActor => ApiToken is { } token ? AuditActor.ForApiToken(UserId, token.TokenId) : AuditActor.ForUser(UserId);

    /// <summary>The caller as use cases in Core see them.</summary>
    public Actor Actor => new(AuditActor, UserId, PlatformRole, IsDelegatedCredential, ClientAddress);

    /// <summary>
    /// A platform admin on a tenant route they may use without being a member (onboarding), or a member.
    /// Only for tenant routes, after the tenant gate let the caller in.
    /// </summary>
    public InvitingAs InvitingAs => Access.IsMember ? InvitingAs.TenantAdmin : InvitingAs.PlatformAdmin;

    public void Authenticate(Guid userId, PlatformRole platformRole, string? clientAddress)
    {
        UserId = userId;
        PlatformRole = platformRole;
        ClientAddress = clientAddress;
    }

    /// <summary>
    /// An API token's caller: its owner, never as platform admin (tokens are tenant-scoped).
    /// </summary>
    public void AuthenticateApiToken(ApiTokenPrincipal token, string? clientAddress)
    {
        ArgumentNullException.ThrowIfNull(token);
        Authenticate(token.OwnerUserId, PlatformRole.None, clientAddress);
        ApiToken = token;
    }

    /// <summary>
    /// A session opened through a tenant's identity provider: the user, in that tenant only, never
    /// as platform admin (that tenant's provider vouched for the person, the platform did not).
    /// Unlike a token it may use the user's own routes (<c>/api/me</c>, logout).
    /// </summary>
    public void AuthenticateTenantSession(Guid userId, Guid tenantId, string? clientAddress)
    {
        Authenticate(userId, PlatformRole.None, clientAddress);
        _sessionTenantId = tenantId;
    }

    /// <summary>
    /// A provider's access token: the linked user, never as platform admin (the platform role is for
    /// the platform's own sessions: a token minted elsewhere, possibly for another application of the
    /// same provider, must not carry it), bound to the provider's tenant when it is a tenant's.
    /// </summary>
    public void AuthenticateExternalToken(ExternalAccessTokenIdentity token, string? clientAddress)
    {
        ArgumentNullException.ThrowIfNull(token);
        Authenticate(token.UserId, PlatformRole.None, clientAddress);
        ExternalToken = token;
    }

    public void EnterTenant(TenantAccess access) => _access = access;
}
