using Microsoft.Extensions.Configuration;

namespace Platform.AppHost.Infrastructure;

internal static class AllowedProviderDestinations
{
    public const string Section = "Platform:IdentityProviders:AllowedDestinations";

    /// <summary>
    /// Gives the API its allow-list of identity-provider destinations: the stack's own platform
    /// provider (scheme, host and port of its issuer) first, then whatever the AppHost is given under
    /// <c>Platform:IdentityProviders:AllowedDestinations</c> (tests that run providers of their own).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithAllowedProviderDestinations(this IResourceBuilder<ProjectResource> api,
        PlatformIdentityProvider platformProvider, IConfiguration configuration)
    {
        var entries = new List<string> { new Uri(platformProvider.Issuer).GetLeftPart(UriPartial.Authority) };
        entries.AddRange(configuration.GetSection(Section).GetChildren().Select(child => child.Value).OfType<string>());
        for (var index = 0; index < entries.Count; index++)
        {
            api.WithEnvironment($"Platform__IdentityProviders__AllowedDestinations__{index}", entries[index]);
        }

        return api;
    }
}
