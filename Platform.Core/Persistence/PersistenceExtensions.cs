using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Core.Tenancy;

namespace Platform.Core.Persistence;

public static class PersistenceExtensions
{
    public const string ConnectionName = "platformdb";
    public const string OwnerConnectionName = "platformdb-owner";
    public const string HealthCheckName = "postgres";

    /// <summary>
    /// The platform's DbContext on the given connection (the services' role unless a host needs
    /// the owner), scoped per request or message together with its <see cref="DataScope"/>, with
    /// Aspire's retries, tracing and metrics, and a readiness check named "postgres".
    /// </summary>
    public static TBuilder AddPlatformDatabase<TBuilder>(this TBuilder builder, string connectionName = ConnectionName)
        where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"Connection string '{connectionName}' is missing.");

        builder.Services.AddScoped<DataScope>();
        builder.Services.AddSingleton(TimeProvider.System);
        // Not pooled: each context carries its request's DataScope.
        builder.Services.AddDbContext<PlatformDbContext>(options => options
            .UseNpgsql(connectionString)
            .UsePlatformConventions()
            .AddInterceptors(DataScopeSessionInterceptor.Instance));
        // No retrying execution strategy: a change and its audit record share one explicit
        // transaction, which such a strategy refuses; a failed request is retried by its caller.
        builder.EnrichNpgsqlDbContext<PlatformDbContext>(settings =>
        {
            settings.DisableHealthChecks = true;
            settings.DisableRetry = true;
        });
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(HealthCheckName);
        return builder;
    }
}
