using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Identity;

namespace Platform.Api.Tenancy;

/// <summary>Who is calling and, on a tenant route, what they may do there. Scoped per request.</summary>
public sealed class CurrentPrincipal
{
    private TenantAccess? _access;

    public Guid UserId { get; private set; }

    public PlatformRole PlatformRole { get; private set; }

    public string? ClientAddress { get; private set; }

    /// <summary>Set when the caller authenticated with an API token: its tenant and scopes bound the request.</summary>
    public ApiTokenPrincipal? ApiToken { get; private set; }

    /// <summary>The caller's rights in the route's tenant; set before any tenant endpoint runs.</summary>
    public TenantAccess Access => _access ?? throw new InvalidOperationException("This is not a tenant route.");

    /// <summary>The caller as audit records name them: with the API token, when the request carried one.</summary>
    public AuditActor AuditActor => ApiToken is { } token ? AuditActor.ForApiToken(UserId, token.TokenId) : AuditActor.ForUser(UserId);

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

    public void EnterTenant(TenantAccess access) => _access = access;
}
