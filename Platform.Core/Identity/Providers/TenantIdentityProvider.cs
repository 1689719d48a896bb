using Platform.Core.Tenancy;

namespace Platform.Core.Identity.Providers;

/// <summary>
/// A tenant's own OpenID provider (Entra ID or any OIDC provider) and its rollout:
/// configured → tested (an admin's test sign-in worked) → enabled → enforced (local passwords of
/// the tenant's users stop working, except the break-glass admin's). Changing what the sign-in
/// trusts (kind, issuer, client, secret, audience) sends it back to configured: a tested setup is
/// not a test of the new one. The client secret is never here, only its reference.
/// </summary>
public sealed class TenantIdentityProvider : ITenantOwned
{
    public const int MaxNameLength = 200;
    public const int MaxClientIdLength = 200;
    public const int MaxAudienceLength = 500;
    public const int MaxRules = 100;

    private TenantIdentityProvider()
    {
        Name = Issuer = ClientId = Audience = string.Empty;
        AllowedEmailDomains = [];
        MappingRules = [];
    }

    public TenantIdentityProvider(Guid tenantId, string name, IdentityProviderConnection connection, SignInPolicy policy, DateTimeOffset now)
        : this()
    {
        TenantId = tenantId != Guid.Empty ? tenantId : throw new ArgumentException("A tenant is required.", nameof(tenantId));
        Id = Guid.CreateVersion7(now);
        Rename(name, now);
        Apply(connection);
        ApplyPolicy(policy);
        State = IdentityProviderState.Configured;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid TenantId { get; private set; }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public IdentityProviderKind Kind { get; private set; }

    /// <summary>Exactly as the provider's tokens state it; unique per tenant (two tenants may share one).</summary>
    public string Issuer { get; private set; }

    /// <summary>Entra ID: the directory (<c>tid</c>) taken from the issuer; null for other kinds.</summary>
    public string? EntraDirectoryId { get; private set; }

    public string ClientId { get; private set; }

    /// <summary><c>env:NAME</c> or <c>file:/path</c> (see <see cref="SecretReferences"/>); null for a public client.</summary>
    public string? ClientSecretReference { get; private set; }

    /// <summary>The <c>aud</c> the API requires of this provider's access tokens.</summary>
    public string Audience { get; private set; }

    /// <summary>Lowercase; empty means any domain.</summary>
    public string[] AllowedEmailDomains { get; private set; }

    public bool JitEnabled { get; private set; }

    public TenantRole DefaultRole { get; private set; }

    public IReadOnlyList<ClaimMappingRule> MappingRules { get; private set; }

    public IdentityProviderState State { get; private set; }

    /// <summary>The tenant admin who may still log in with a password while enforced; set only then.</summary>
    public Guid? BreakGlassUserId { get; private set; }

    public DateTimeOffset? TestedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Whether the tenant's users may sign in through it (the test sign-in aside).</summary>
    public bool IsLive => State is IdentityProviderState.Enabled or IdentityProviderState.Enforced;

    public void Rename(string name, DateTimeOffset now)
    {
        name = (name ?? string.Empty).Trim();
        Name = name.Length is 0 or > MaxNameLength
            ? throw new ArgumentException($"A provider's name is 1 to {MaxNameLength} characters.", nameof(name))
            : name;
        UpdatedAt = now;
    }

    /// <summary>
    /// New connection settings. Any change to what the sign-in trusts returns the provider to
    /// <see cref="IdentityProviderState.Configured"/>, out of enforcement.
    /// </summary>
    /// <returns>True when the provider went back to configured.</returns>
    public bool Reconfigure(IdentityProviderConnection connection, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var changed = connection.Kind != Kind || connection.Issuer != Issuer || connection.ClientId != ClientId
            || connection.ClientSecretReference != ClientSecretReference || connection.Audience != Audience;
        Apply(connection);
        UpdatedAt = now;
        if (!changed || State == IdentityProviderState.Configured)
        {
            return false;
        }

        State = IdentityProviderState.Configured;
        TestedAt = null;
        BreakGlassUserId = null;
        return true;
    }

    /// <summary>Who may come in and with what rights; no effect on the rollout state.</summary>
    public void ChangePolicy(SignInPolicy policy, DateTimeOffset now)
    {
        ApplyPolicy(policy);
        UpdatedAt = now;
    }

    /// <summary>A tenant admin's test sign-in succeeded: configured → tested (later states stay as they are).</summary>
    public void MarkTested(DateTimeOffset at)
    {
        TestedAt = at;
        if (State == IdentityProviderState.Configured)
        {
            State = IdentityProviderState.Tested;
        }

        UpdatedAt = at;
    }

    /// <summary>Opens sign-in to the tenant's users: only after a successful test sign-in.</summary>
    public void Enable(DateTimeOffset now)
    {
        switch (State)
        {
            case IdentityProviderState.Configured:
                throw new IdentityProviderStateException("Test the sign-in through this provider before enabling it.");
            case IdentityProviderState.Enforced:
                throw new IdentityProviderStateException("The provider is enforced; relax it to keep it merely enabled.");
            case IdentityProviderState.Tested:
                State = IdentityProviderState.Enabled;
                UpdatedAt = now;
                break;
        }
    }

    /// <summary>
    /// Local passwords of the tenant's users stop working, except the break-glass admin's, who must be
    /// an admin member of this tenant with a local password (else nobody could get in should the
    /// provider fail). Enforcing again names another break-glass admin.
    /// </summary>
    public void Enforce(BreakGlassCandidate breakGlass, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(breakGlass);
        if (!IsLive)
        {
            throw new IdentityProviderStateException("Only an enabled provider can be enforced.");
        }

        if (breakGlass.TenantRole != TenantRole.Admin || !breakGlass.HasLocalPassword)
        {
            throw new IdentityProviderStateException("The break-glass user must be an admin of this tenant with a local password.");
        }

        State = IdentityProviderState.Enforced;
        BreakGlassUserId = breakGlass.UserId;
        UpdatedAt = now;
    }

    /// <summary>Enforced → enabled: local passwords work again.</summary>
    public void Relax(DateTimeOffset now)
    {
        if (State != IdentityProviderState.Enforced)
        {
            throw new IdentityProviderStateException("The provider is not enforced.");
        }

        State = IdentityProviderState.Enabled;
        BreakGlassUserId = null;
        UpdatedAt = now;
    }

    /// <summary>
    /// Nobody signs in through it any more (and it no longer blocks passwords). It goes back to
    /// tested, not configured: its settings, which the test proved, are unchanged.
    /// </summary>
    public void Disable(DateTimeOffset now)
    {
        if (!IsLive)
        {
            return;
        }

        State = IdentityProviderState.Tested;
        BreakGlassUserId = null;
        UpdatedAt = now;
    }

    public OidcProviderSettings ToSettings() =>
        new(Id, TenantId, Kind, Issuer, ClientId, ClientSecretReference, Audience, State, EntraDirectoryId);

    private void Apply(IdentityProviderConnection connection)
    {
        if (connection.Problem() is { } problem)
        {
            throw new ArgumentException(problem.Message, problem.Field);
        }

        ProviderIssuer.Problem(connection.Kind, connection.Issuer, out var directoryId);
        Kind = connection.Kind;
        Issuer = connection.Issuer;
        EntraDirectoryId = directoryId;
        ClientId = connection.ClientId;
        ClientSecretReference = connection.ClientSecretReference;
        Audience = connection.Audience;
    }

    private void ApplyPolicy(SignInPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Problem() is { } problem)
        {
            throw new ArgumentException(problem.Message, problem.Field);
        }

        AllowedEmailDomains = EmailDomains.Normalize(policy.AllowedEmailDomains, out _)!;
        JitEnabled = policy.JitEnabled;
        DefaultRole = policy.DefaultRole;
        MappingRules = [.. policy.MappingRules];
    }
}
