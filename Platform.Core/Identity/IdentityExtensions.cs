using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Audit;
using Microsoft.Extensions.Options;
using Platform.Core.Identity.Oidc;
using Platform.Core.Identity.Providers;

namespace Platform.Core.Identity;

public static class IdentityExtensions
{
    public static IServiceCollection AddPlatformIdentity(this IServiceCollection services)
    {
        services.AddSingleton<PasswordHashing>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditVerification>();
        services.AddScoped<LocalLogin>();
        services.AddScoped<SessionAuthentication>();
        services.AddScoped<ApiTokenAuthentication>();
        services.AddOptions<IdentityProviderOptions>().BindConfiguration(IdentityProviderOptions.Section);
        // Read once at start: a malformed entry stops the service rather than being skipped.
        services.AddSingleton(provider => ProviderAllowList.From(provider.GetRequiredService<IOptions<IdentityProviderOptions>>().Value.AllowedDestinations));
        services.AddSingleton<SecretReferences>();
        services.AddScoped<ITenantIdentityProviderStore, TenantIdentityProviderStore>();
        return services;
    }
}
