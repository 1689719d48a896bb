using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Persistence;

namespace Platform.Core.Identity.Mfa;

public static class MfaExtensions
{
    /// <summary>The name every API instance shares, so that they read one another's protected data.</summary>
    public const string DataProtectionApplicationName = "platform";

    /// <summary>
    /// MFA and the Data Protection key ring it encrypts TOTP secrets with, kept in PostgreSQL: shared
    /// by all API instances and kept across restarts (the default file-system ring is neither), its
    /// keys encrypted with a secret from outside the database (<see cref="KeyRingKey"/>).
    /// Only the API registers it: a host that starts before the migrations (the migrator) must not
    /// load a key ring from a table that does not exist yet.
    /// </summary>
    public static IServiceCollection AddMultiFactorAuthentication(this IServiceCollection services)
    {
        services.AddSingleton(provider => KeyRingKey.From(provider.GetRequiredService<IConfiguration>()));
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<PlatformDbContext>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<KeyRingKey>((options, key) => options.XmlEncryptor = new KeyRingEncryptor(key));
        services.AddSingleton<TotpSecretProtector>();
        services.AddScoped<MultiFactorAuthentication>();
        return services;
    }
}
