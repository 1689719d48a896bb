namespace Platform.AppHost.Infrastructure;

/// <summary>
/// The platform-wide OpenID provider the API signs users in with and accepts access tokens of:
/// the development provider in local mode, Keycloak's <c>platform</c> realm in container mode.
/// </summary>
/// <param name="Server">The resource to wait for before the API starts.</param>
/// <param name="Issuer">Exactly the issuer its discovery document names.</param>
/// <param name="RedirectUris">Where a sign-in may return to: the web app's and the API's callbacks.</param>
public sealed record PlatformIdentityProvider(IResourceBuilder<IResource> Server, string Issuer, IReadOnlyList<string> RedirectUris)
{
    public const string RealmPath = "/realms/platform";
    public const string ClientId = "platform-web";
    public const string Audience = "urn:platform:api";

    /// <summary>The API's path the provider redirects back to after a sign-in started by the API.</summary>
    public const string ApiCallbackPath = "/api/auth/oidc/callback";

    /// <summary>The web app's path the provider redirects back to after a sign-in started by the web app.</summary>
    public const string WebCallbackPath = "/signin-oidc";

    /// <summary>The callbacks of the web app and the API on their fixed local ports.</summary>
    public static IReadOnlyList<string> CallbackUris(PlatformHostingSettings.PortSettings ports) =>
    [
        $"http://localhost:{ports.Web}{WebCallbackPath}",
        $"http://localhost:{ports.Api}{ApiCallbackPath}",
    ];
}

internal static class PlatformIdentityProviderExtensions
{
    /// <summary>Hands a service the platform provider (Platform:Oidc:*) and waits for it.</summary>
    public static IResourceBuilder<ProjectResource> WithPlatformIdentityProvider(
        this IResourceBuilder<ProjectResource> project, PlatformIdentityProvider provider)
    {
        project
            .WithEnvironment("Platform__Oidc__Issuer", provider.Issuer)
            .WithEnvironment("Platform__Oidc__ClientId", PlatformIdentityProvider.ClientId)
            .WithEnvironment("Platform__Oidc__Audience", PlatformIdentityProvider.Audience)
            .WaitFor(provider.Server);
        // The same list the provider's client has: a sign-in started at the API may return to either.
        for (var index = 0; index < provider.RedirectUris.Count; index++)
        {
            project.WithEnvironment($"Platform__Oidc__AllowedRedirectUris__{index}", provider.RedirectUris[index]);
        }

        return project;
    }
}
