using Microsoft.Extensions.Configuration;

namespace Platform.AppHost.Infrastructure;

internal static class PlatformOidcOverrides
{
    public const string Section = "Platform:Oidc";

    /// <summary>
    /// Whatever the AppHost is given under <c>Platform:Oidc</c> (e.g. by tests that run an OpenID
    /// provider of their own) goes to the API as its platform provider, over what the stack set up:
    /// call it after the API's other environment.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPlatformOidcOverrides(this IResourceBuilder<ProjectResource> api, IConfiguration configuration)
    {
        foreach (var (key, value) in configuration.GetSection(Section).AsEnumerable())
        {
            if (value is not null)
            {
                api.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
            }
        }

        return api;
    }
}
