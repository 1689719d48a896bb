namespace Platform.Core.Tenancy;

public enum TenantStatus
{
    Active,
    Suspended,
}
