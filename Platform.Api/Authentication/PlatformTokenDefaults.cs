namespace Platform.Api.Authentication;

public static class PlatformTokenDefaults
{
    public const string Scheme = "PlatformToken";
    public const string UserIdClaim = "sub";
    public const string SessionIdClaim = "sid";
    public const string PlatformRoleClaim = "platform_role";
}
