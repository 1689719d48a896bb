using Aspire.Hosting.Testing;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// The realm <c>/realms/platform</c> of the development OpenID provider that the local stack itself
/// runs (resource <c>oidc</c>): its public client <c>platform-web</c> and its one user, the platform
/// admin with the e-mail and password generated for this run.
/// </summary>
internal static class StackOidcRealm
{
    public const string Resource = "oidc";
    public const string ClientId = "platform-web";
    public const string AdminSub = "platform-admin";

    public static OidcDevRealm Of(PlatformAppFixture fixture)
    {
        var issuer = $"http://127.0.0.1:{fixture.App.GetEndpoint(Resource, "http").Port}/realms/platform";
        // The web app's callback: on the provider client's list and on the API's.
        var redirectUri = $"http://localhost:{fixture.App.GetEndpoint("platform-web", "http").Port}/signin-oidc";
        var email = fixture.GeneratedCredential("PLATFORM_ADMIN_EMAIL");
        var spec = new OidcRealmSpec("/realms/platform");
        return new OidcDevRealm(spec, issuer,
            [new OidcDevClient(ClientId, null, [redirectUri], ["authorization_code", "refresh_token"])],
            [new OidcDevUser(AdminSub, email, fixture.GeneratedCredential("PLATFORM_ADMIN_PASSWORD"), new OidcUserSpec(AdminSub, email))]);
    }
}
