using Platform.Core.Decoders.Library;
using Platform.Core.Identity;
using Platform.Core.NetworkServer;
using Platform.Core.Persistence;
using Platform.Core.Tenancy;

namespace Platform.Workers.Migrations;

/// <summary>
/// <c>Platform.Workers migrate</c>: applies the schema migrations as the database owner, provisions
/// the services' role, bootstraps the first platform admin (and, for the local stack, a demo tenant
/// that owns the simulator's devices), and exits (0 on success). The AppHost runs it before the
/// services start; Kubernetes runs it as the migration Job. Only this command ever sees the owner's
/// credentials.
/// </summary>
internal static class MigrateCommand
{
    public const string Name = "migrate";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddServiceDefaults();
        builder.AddPlatformDatabase(PersistenceExtensions.OwnerConnectionName);
        builder.Services.AddScoped<DatabaseMigrator>();
        builder.Services.AddPlatformIdentity();
        builder.Services.AddScoped<PlatformAdminBootstrap>();
        builder.Services.AddScoped<DecoderLibraryBootstrap>();
        builder.Services.AddScoped<DemoTenantBootstrap>();

        using var host = builder.Build();
        await host.StartAsync();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrateCommand));
        try
        {
            var applicationConnectionString = builder.Configuration.GetConnectionString(PersistenceExtensions.ConnectionName)
                ?? throw new InvalidOperationException(
                    $"Connection string '{PersistenceExtensions.ConnectionName}' (the services' role) is missing.");
            await using (var scope = host.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>()
                    .MigrateAsync(applicationConnectionString, lifetime.ApplicationStopping);
            }

            await BootstrapPlatformAdminAsync(host.Services, builder.Configuration, lifetime.ApplicationStopping);
            await using (var scope = host.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DecoderLibraryBootstrap>().EnsureAsync(lifetime.ApplicationStopping);
            }

            await BootstrapDemoTenantAsync(host.Services, builder.Configuration, lifetime.ApplicationStopping);
            return 0;
        }
        catch (Exception exception)
        {
            logger.LogCritical(exception, "Database migration failed");
            return 1;
        }
        finally
        {
            // Stopping flushes the OpenTelemetry exporters, so the migration's logs reach the dashboard.
            await host.StopAsync();
        }
    }

    /// <summary>Platform:Bootstrap:AdminEmail/AdminPassword: the secret parameters of the deployment.</summary>
    private static async Task BootstrapPlatformAdminAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var email = configuration["Platform:Bootstrap:AdminEmail"];
        var password = configuration["Platform:Bootstrap:AdminPassword"];
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            throw new InvalidOperationException("Platform:Bootstrap:AdminEmail and AdminPassword are required to create the first platform admin.");
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlatformAdminBootstrap>().EnsureAsync(email, password, cancellationToken);
    }

    /// <summary>
    /// Platform:Bootstrap:DemoDevices &gt; 0 (the AppHost sets it for the local stack, never in
    /// published manifests): a demo tenant owning that many of the simulator's devices, as the
    /// <c>Simulator</c> section that the simulator also reads describes them.
    /// </summary>
    private static async Task BootstrapDemoTenantAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var devices = configuration.GetValue<int>("Platform:Bootstrap:DemoDevices");
        if (devices <= 0)
        {
            return;
        }

        var fleet = SimulatedFleet.Read(configuration) with { Devices = devices };
        await using var scope = services.CreateAsyncScope();
        // The admin e-mail is there: the platform admin's bootstrap, which runs first, requires it.
        await scope.ServiceProvider.GetRequiredService<DemoTenantBootstrap>()
            .EnsureAsync(configuration["Platform:Bootstrap:AdminEmail"]!, fleet, cancellationToken);
    }
}
