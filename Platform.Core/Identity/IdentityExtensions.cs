using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Audit;
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
        services.AddSingleton<SecretReferences>();
        services.AddScoped<ITenantIdentityProviderStore, TenantIdentityProviderStore>();
        return services;
    }
}
