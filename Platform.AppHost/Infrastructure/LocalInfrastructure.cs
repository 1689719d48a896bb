using Microsoft.Extensions.DependencyInjection;

namespace Platform.AppHost.Infrastructure;

/// <summary>
/// Local mode: the Debian-packaged PostgreSQL, RabbitMQ and Mosquitto run as executables on
/// 127.0.0.1, each through a script in <c>LocalServices/</c> that keeps its state under the state
/// directory and shuts the server down cleanly when DCP stops it; the development OpenID provider
/// and the mail catcher run under Node (see <see cref="LocalOidcProvider"/>, <see cref="LocalMailDev"/>).
/// </summary>
internal static class LocalInfrastructure
{
    private const string Loopback = "127.0.0.1";

    public static PlatformInfrastructure AddLocalInfrastructure(
        this IDistributedApplicationBuilder builder, PlatformHostingSettings settings, PlatformSecrets secrets)
    {
        var scripts = Path.Combine(builder.AppHostDirectory, "LocalServices");
        var state = settings.StateDirectory!;
        var ports = settings.Ports;

        var postgres = LocalServer(builder, "postgres", scripts, state)
            .WithEnvironment("POSTGRES_PORT", ports.Postgres.ToString())
            .WithEnvironment("POSTGRES_DATABASE", PlatformInfrastructure.DatabaseName)
            .WithEnvironment("POSTGRES_OWNER", "platform_owner")
            .WithEnvironment("POSTGRES_OWNER_PASSWORD", secrets.PostgresOwnerPassword)
            .WithEndpoint(port: ports.Postgres, targetPort: ports.Postgres, scheme: "tcp", name: "tcp", isProxied: false);
        var databaseOwner = builder.AddConnectionString(PlatformInfrastructure.DatabaseOwnerConnectionName, ReferenceExpression.Create(
            $"Host={Loopback};Port={ports.Postgres.ToString()};Database={PlatformInfrastructure.DatabaseName};Username=platform_owner;Password={secrets.PostgresOwnerPassword.Resource}"));
        var database = builder.AddConnectionString(PlatformInfrastructure.DatabaseName, ReferenceExpression.Create(
            $"Host={Loopback};Port={ports.Postgres.ToString()};Database={PlatformInfrastructure.DatabaseName};Username={PlatformInfrastructure.ApplicationRole};Password={secrets.PostgresAppPassword.Resource}"));

        var rabbitMq = LocalServer(builder, "rabbitmq", scripts, state)
            .WithEnvironment("RABBITMQ_PORT", ports.RabbitMq.ToString())
            .WithEnvironment("RABBITMQ_DIST_PORT", ports.RabbitMqDistribution.ToString())
            .WithEnvironment("RABBITMQ_EPMD_PORT", ports.Epmd.ToString())
            .WithEnvironment("RABBITMQ_USER", PlatformInfrastructure.RabbitMqUser)
            .WithEnvironment("RABBITMQ_PASSWORD", secrets.RabbitMqPassword)
            .WithEndpoint(port: ports.RabbitMq, targetPort: ports.RabbitMq, scheme: "tcp", name: "tcp", isProxied: false);
        var eventBus = builder.AddConnectionString(PlatformInfrastructure.EventBusConnectionName, ReferenceExpression.Create(
            $"amqp://{PlatformInfrastructure.RabbitMqUser}:{secrets.RabbitMqPassword.Resource:uri}@{Loopback}:{ports.RabbitMq.ToString()}/"));

        var mosquitto = LocalServer(builder, "mosquitto", scripts, state)
            .WithEnvironment("MQTT_PORT", ports.Mqtt.ToString())
            .WithEnvironment("MQTT_USERNAME", secrets.MqttUsername)
            .WithEnvironment("MQTT_PASSWORD", secrets.MqttPassword)
            .WithEnvironment("MQTT_INGESTION_PORT", ports.MqttIngestion.ToString())
            .WithEnvironment("MQTT_INGESTION_USERNAME", secrets.MqttIngestionUsername)
            .WithEnvironment("MQTT_INGESTION_PASSWORD", secrets.MqttIngestionPassword)
            .WithEnvironment("MQTT_CLIENT_ID_PREFIX", PlatformInfrastructure.MqttClientIdPrefix)
            .WithEndpoint(port: ports.Mqtt, targetPort: ports.Mqtt, scheme: "tcp", name: "tcp", isProxied: false)
            .WithEndpoint(port: ports.MqttIngestion, targetPort: ports.MqttIngestion, scheme: "tcp", name: "ingestion", isProxied: false);
        var mqtt = builder.AddConnectionString(PlatformInfrastructure.MqttConnectionName, ReferenceExpression.Create(
            $"Host={Loopback};Port={ports.Mqtt.ToString()};Username={secrets.MqttUsername.Resource};Password={secrets.MqttPassword.Resource};ClientIdPrefix={PlatformInfrastructure.MqttClientIdPrefix}"));
        var mqttIngestion = builder.AddConnectionString(PlatformInfrastructure.MqttIngestionConnectionName, ReferenceExpression.Create(
            $"Host={Loopback};Port={ports.MqttIngestion.ToString()};Username={secrets.MqttIngestionUsername.Resource};Password={secrets.MqttIngestionPassword.Resource};ClientIdPrefix={PlatformInfrastructure.MqttClientIdPrefix}"));

        builder.Services.AddHealthChecks()
            .AddCheck("postgres-ready", ReadinessChecks.Postgres(databaseOwner.Resource))
            .AddCheck("rabbitmq-ready", ReadinessChecks.RabbitMq(eventBus.Resource))
            .AddCheck("mosquitto-ready", ReadinessChecks.TcpPort(ports.Mqtt))
            .AddCheck("mosquitto-ingestion-ready", ReadinessChecks.TcpPort(ports.MqttIngestion));
        postgres.WithHealthCheck("postgres-ready");
        rabbitMq.WithHealthCheck("rabbitmq-ready");
        mosquitto.WithHealthCheck("mosquitto-ready").WithHealthCheck("mosquitto-ingestion-ready");

        return new PlatformInfrastructure(
            database, databaseOwner, eventBus, mqtt,
            postgres, rabbitMq, mosquitto)
        {
            IdentityProvider = builder.AddLocalOidcProvider(settings, secrets),
            MailServer = builder.AddLocalMailDev(settings),
            MqttIngestion = mqttIngestion,
        };
    }

    private static IResourceBuilder<ExecutableResource> LocalServer(
        IDistributedApplicationBuilder builder, string name, string scripts, string state) =>
        builder.AddExecutable(name, "bash", scripts, Path.Combine(scripts, name + ".sh"))
            .WithEnvironment("PLATFORM_STATE_DIR", state);
}
