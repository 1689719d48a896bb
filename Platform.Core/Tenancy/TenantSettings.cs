namespace Platform.Core.Tenancy;

/// <summary>A tenant's own policies, stored with the tenant as JSON so that new ones need no new columns.</summary>
public sealed class TenantSettings
{
    /// <summary>Local users of this tenant must use TOTP at login (enforced once MFA exists).</summary>
    public bool RequireMfa { get; set; }
}
