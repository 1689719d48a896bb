using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.Core.Persistence;

public static class PersistenceExtensions
{
    public const string ConnectionName = "platformdb";
    public const string OwnerConnectionName = "platformdb-owner";
    public const string HealthCheckName = "postgres";

    /// <summary>
    /// The platform's DbContext on the given connection (the services' role unless a host needs
    /// the owner), with tracing and metrics from Aspire and a readiness check named "postgres".
    /// </summary>
    public static TBuilder AddPlatformDatabase<TBuilder>(this TBuilder builder, string connectionName = ConnectionName)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddNpgsqlDbContext<PlatformDbContext>(
            connectionName,
            settings => settings.DisableHealthChecks = true,
            options => options.UsePlatformConventions());
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(HealthCheckName);
        return builder;
    }
}
