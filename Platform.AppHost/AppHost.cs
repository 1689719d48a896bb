using System.Globalization;
using Platform.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

var settings = PlatformHostingSettings.Read(builder.Configuration, builder.AppHostDirectory);
var secrets = PlatformSecrets.Add(builder, settings.StateDirectory!);
var mode = settings.Mode switch
{
    HostingMode.Auto when builder.ExecutionContext.IsPublishMode => HostingMode.Containers,
    HostingMode.Auto => ContainerRuntime.IsAvailable() ? HostingMode.Containers : HostingMode.Local,
    var forced => forced,
};
if (!builder.ExecutionContext.IsPublishMode)
{
    Console.WriteLine($"Platform AppHost: {mode} mode; generated credentials are in {secrets.CredentialsFile}");
}

// Infrastructure
var infrastructure = mode == HostingMode.Local
    ? builder.AddLocalInfrastructure(settings, secrets)
    : builder.AddContainerInfrastructure(settings, secrets);

// Services
// Migrations run once as the schema owner before anything that needs the schema starts; the same
// workers image runs them as the Kubernetes migration Job.
var migrations = builder.AddProject<Projects.Platform_Workers>("platform-migrations", launchProfileName: null)
    .WithArgs("migrate")
    .WithReference(infrastructure.DatabaseOwner)
    .WithReference(infrastructure.Database)
    .WithEnvironment("Platform__Bootstrap__AdminEmail", secrets.AdminEmail)
    .WithEnvironment("Platform__Bootstrap__AdminPassword", secrets.AdminPassword)
    .WaitFor(infrastructure.DatabaseServer);

if (!builder.ExecutionContext.IsPublishMode)
{
    // The local stack's demo tenant owns the simulator's devices, so simulated uplinks have a
    // tenant. Never in published manifests: a production database gets no demo tenant.
    migrations
        .WithSimulatedFleet(settings)
        .WithEnvironment("Platform__Bootstrap__DemoDevices", settings.SimulatorDevices.ToString(CultureInfo.InvariantCulture));
}

var api = builder.AddProject<Projects.Platform_Api>("platform-api", launchProfileName: null)
    .WithHttpEndpoint(port: settings.Ports.Api, isProxied: false)
    .WithReference(infrastructure.Database)
    .WithReference(infrastructure.EventBus)
    .WaitFor(infrastructure.EventBusServer)
    .WaitForCompletion(migrations)
    .WithPlatformIdentityProvider(infrastructure.IdentityProvider)
    // Encrypts the key ring that encrypts TOTP secrets: a copy of the database alone opens neither.
    .WithEnvironment("Platform__DataProtection__KeyEncryptionKey", secrets.DataProtectionKey)
    // Invitations: sent through this mail server, with links to the web app's public address.
    .WithPlatformMailServer(infrastructure.MailServer)
    .WithHttpHealthCheck("/health");
// Last, so that a platform provider given to the AppHost wins over the stack's own.
api.WithPlatformOidcOverrides(builder.Configuration);

if (!builder.ExecutionContext.IsPublishMode)
{
    // The local stack's platform provider is http on this machine: the operators' allow-list names
    // it, and nothing else on this host, beside what the AppHost is given (tests that run providers
    // of their own). Client secrets of tenants' providers are files in the state folder, under
    // idp-secrets/{tenant id}/. Never in published manifests: there the operators list what their
    // cluster's providers need.
    api.WithAllowedProviderDestinations(infrastructure.IdentityProvider, builder.Configuration)
        .WithEnvironment("Platform__IdentityProviders__SecretDirectory", Path.Combine(settings.StateDirectory!, "idp-secrets"));
}

builder.AddProject<Projects.Platform_Ingestion>("platform-ingestion", launchProfileName: null)
    .WithHttpEndpoint()
    // One instance subscribes plainly (its persistent subscription survives a broker restart);
    // scaled out, the instances share one subscription group. See IngestionOptions.
    .WithEnvironment("Ingestion__SharedSubscriptionGroup", string.Empty)
    // Its own broker account, handed over under the name it reads ("mqtt"). The broker makes the
    // account its client id, stable across restarts, so its persistent session survives them; a
    // second instance would need an account of its own.
    .WithReference(infrastructure.MqttIngestion, PlatformInfrastructure.MqttConnectionName)
    .WithReference(infrastructure.Database)
    .WithReference(infrastructure.EventBus)
    .WaitFor(infrastructure.MqttServer)
    .WaitFor(infrastructure.EventBusServer)
    .WaitForCompletion(migrations)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Platform_Workers>("platform-workers", launchProfileName: null)
    .WithHttpEndpoint()
    .WithReference(infrastructure.Database)
    .WithReference(infrastructure.EventBus)
    .WaitFor(infrastructure.EventBusServer)
    .WaitForCompletion(migrations)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Platform_Simulator>("platform-simulator", launchProfileName: null)
    .WithHttpEndpoint()
    .WithReference(infrastructure.Mqtt)
    .WithSimulatedFleet(settings)
    .WithEnvironment("Simulator__Devices", settings.SimulatorDevices.ToString(CultureInfo.InvariantCulture))
    .WithEnvironment("Simulator__UplinksPerSecond", settings.SimulatorRate.ToString(CultureInfo.InvariantCulture))
    .WithEnvironment("Simulator__IntervalSeconds", settings.SimulatorIntervalSeconds.ToString(CultureInfo.InvariantCulture))
    .WaitFor(infrastructure.MqttServer)
    .WithHttpHealthCheck("/health");

// Apps
builder.AddProject<Projects.Platform_Web>("platform-web", launchProfileName: null)
    .WithHttpEndpoint(port: settings.Ports.Web, isProxied: false)
    .WithExternalHttpEndpoints()
    .WithReference(api)
    .WaitFor(api)
    .WithHttpHealthCheck("/health");

if (!settings.ExportTelemetry)
{
    foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
    {
        // Emptied after Aspire set it: the services then run without an OTLP exporter.
        builder.CreateResourceBuilder(project).WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", string.Empty);
    }
}

builder.Build().Run();
