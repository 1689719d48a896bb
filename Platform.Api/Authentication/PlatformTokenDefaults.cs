namespace Platform.Api.Authentication;

public static class PlatformTokenDefaults
{
    public const string Scheme = "PlatformToken";
    public const string UserIdClaim = "sub";
    public const string SessionIdClaim = "sid";
    public const string ApiTokenIdClaim = "token_id";
    public const string TenantIdClaim = "tenant_id";
    public const string PlatformRoleClaim = "platform_role";
    public const string IdentityProviderClaim = "idp";
}
