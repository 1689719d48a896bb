using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Core.Identity.Providers;

namespace Platform.Core.Identity.Oidc;

public static class OidcExtensions
{
    /// <summary>
    /// The platform provider from <c>Platform:Oidc</c>, the provider directory, per-issuer metadata,
    /// access-token authentication and the interactive sign-in.
    /// </summary>
    public static IServiceCollection AddPlatformOidc(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlatformOidcOptions>().Bind(configuration.GetSection(PlatformOidcOptions.Section));
        // The allow-list is registered with the identity services; without them, nothing is allowed beyond public https.
        services.TryAddSingleton(ProviderAllowList.Empty);
        services.AddSingleton<ProviderEgress>();
        services.AddSingleton<OidcMetadata>();
        services.AddSingleton<OidcTokenValidator>();
        services.AddSingleton<OidcCodeExchange>();
        services.AddScoped<IIdentityProviderDirectory, IdentityProviderDirectory>();
        services.AddScoped<ExternalAccessTokenAuthentication>();
        services.AddScoped<OidcSignIn>();
        return services;
    }
}
