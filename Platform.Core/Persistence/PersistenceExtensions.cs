using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Platform.Core.Tenancy;

namespace Platform.Core.Persistence;

public static class PersistenceExtensions
{
    public const string ConnectionName = "platformdb";
    public const string OwnerConnectionName = "platformdb-owner";
    public const string HealthCheckName = "postgres";

    /// <summary>How often idle pooled connections are probed (Npgsql keepalive), so dead ones are dropped.</summary>
    public const int IdleConnectionProbeSeconds = 5;

    /// <summary>
    /// The platform's DbContext on the given connection (the services' role unless a host needs
    /// the owner), scoped per request or message together with its <see cref="DataScope"/>, with
    /// Aspire's retries, tracing and metrics, and a readiness check named "postgres".
    /// </summary>
    public static TBuilder AddPlatformDatabase<TBuilder>(this TBuilder builder, string connectionName = ConnectionName)
        where TBuilder : IHostApplicationBuilder
    {
        var connectionString = new NpgsqlConnectionStringBuilder(builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"Connection string '{connectionName}' is missing."));
        // Pooled connections die with a database restart or failover, and without a probe the next
        // request on each of them fails. A ping every few seconds on idle connections lets the pool
        // discard dead ones before a request draws them.
        if (connectionString.KeepAlive == 0)
        {
            connectionString.KeepAlive = IdleConnectionProbeSeconds;
        }

        builder.Services.AddScoped<DataScope>();
        builder.Services.AddSingleton(TimeProvider.System);
        // Not pooled: each context carries its request's DataScope.
        builder.Services.AddDbContext<PlatformDbContext>(options => options
            .UseNpgsql(connectionString.ConnectionString)
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
