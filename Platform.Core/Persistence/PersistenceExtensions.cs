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
        var connectionString = WithIdleConnectionProbe(builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"Connection string '{connectionName}' is missing."));

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
        builder.Services.AddScoped<Devices.Claims.ApplicationClaims>();
        return builder;
    }

    /// <summary>
    /// The connection string with idle connections probed every few seconds (Npgsql keepalive),
    /// unless it sets its own interval. Pooled connections die with a database restart or failover,
    /// and without a probe the next request drawing each of them fails; probed, the pool drops the
    /// dead ones first. For every pool of the services: DbContexts and plain data sources.
    /// </summary>
    public static string WithIdleConnectionProbe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.KeepAlive == 0)
        {
            builder.KeepAlive = IdleConnectionProbeSeconds;
        }

        return builder.ConnectionString;
    }

    /// <summary>A plain data source on the services' connection (e.g. for the device route lookup), probed like the DbContext's.</summary>
    public static TBuilder AddPlatformDataSource<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddNpgsqlDataSource(ConnectionName, settings =>
        {
            settings.DisableHealthChecks = true;
            settings.ConnectionString = settings.ConnectionString is null ? null : WithIdleConnectionProbe(settings.ConnectionString);
        });
        return builder;
    }
}
