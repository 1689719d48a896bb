namespace Platform.Core.Identity.Providers;

/// <summary>
/// A tenant's rollout of its own provider, one step at a time. Changing the issuer, client or secret
/// reference sends it back to <see cref="Configured"/>.
/// </summary>
public enum IdentityProviderState
{
    /// <summary>Saved; only a tenant admin's test sign-in may use it.</summary>
    Configured = 0,

    /// <summary>A test sign-in by a tenant admin succeeded; still nobody signs in through it.</summary>
    Tested = 1,

    /// <summary>The tenant's users may sign in through it (JIT provisioning when switched on).</summary>
    Enabled = 2,

    /// <summary>As enabled, and local passwords of the tenant's users stop working, except the break-glass admin's.</summary>
    Enforced = 3,
}
