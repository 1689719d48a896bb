namespace Platform.Core.Identity;

public enum PlatformRole
{
    None = 0,

    /// <summary>Manages tenants; reaches tenant data only through the audited admin endpoints.</summary>
    Admin = 1,
}
