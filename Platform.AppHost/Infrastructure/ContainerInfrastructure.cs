namespace Platform.AppHost.Infrastructure;

/// <summary>
/// Container mode: PostgreSQL, RabbitMQ, Mosquitto and Keycloak as containers with named volumes.
/// The services get the same connection-string names as in local mode.
/// </summary>
internal static class ContainerInfrastructure
{
    public static PlatformInfrastructure AddContainerInfrastructure(
        this IDistributedApplicationBuilder builder, PlatformHostingSettings settings, PlatformSecrets secrets)
    {
        // The container's superuser owns the schema and runs migrations; services use their own role.
        var postgres = builder.AddPostgres("postgres", password: secrets.PostgresOwnerPassword)
            .WithDataVolume("platform-postgres-data");
        var databaseOwner = postgres.AddDatabase(PlatformInfrastructure.DatabaseOwnerConnectionName, PlatformInfrastructure.DatabaseName);
        var endpoint = postgres.Resource.PrimaryEndpoint;
        var database = builder.AddConnectionString(PlatformInfrastructure.DatabaseName, ReferenceExpression.Create(
            $"Host={endpoint.Property(EndpointProperty.Host)};Port={endpoint.Property(EndpointProperty.Port)};Database={PlatformInfrastructure.DatabaseName};Username={PlatformInfrastructure.ApplicationRole};Password={secrets.PostgresAppPassword.Resource}"));

        var rabbitMqUser = builder.AddParameter("rabbitmq-username", PlatformInfrastructure.RabbitMqUser);
        var eventBus = builder.AddRabbitMQ(PlatformInfrastructure.EventBusConnectionName, rabbitMqUser, secrets.RabbitMqPassword)
            .WithDataVolume("platform-rabbitmq-data");

        var mosquitto = builder.AddContainer("mosquitto", "eclipse-mosquitto", "2.0")
            .WithEnvironment("MQTT_USERNAME", secrets.MqttUsername)
            .WithEnvironment("MQTT_PASSWORD", secrets.MqttPassword)
            .WithEnvironment("MQTT_INGESTION_USERNAME", secrets.MqttIngestionUsername)
            .WithEnvironment("MQTT_INGESTION_PASSWORD", secrets.MqttIngestionPassword)
            .WithEnvironment("MQTT_CLIENT_ID_PREFIX", PlatformInfrastructure.MqttClientIdPrefix)
            .WithVolume("platform-mosquitto-data", "/mosquitto/data")
            .WithEntrypoint("sh")
            .WithArgs("-c", MosquittoEntrypoint)
            .WithEndpoint(port: settings.Ports.Mqtt, targetPort: 1883, scheme: "tcp", name: "tcp")
            .WithEndpoint(port: settings.Ports.MqttIngestion, targetPort: 1884, scheme: "tcp", name: "ingestion");
        var mqttEndpoint = mosquitto.GetEndpoint("tcp");
        var mqtt = builder.AddConnectionString(PlatformInfrastructure.MqttConnectionName, ReferenceExpression.Create(
            $"Host={mqttEndpoint.Property(EndpointProperty.Host)};Port={mqttEndpoint.Property(EndpointProperty.Port)};Username={secrets.MqttUsername.Resource};Password={secrets.MqttPassword.Resource};ClientIdPrefix={PlatformInfrastructure.MqttClientIdPrefix}"));
        var ingestionEndpoint = mosquitto.GetEndpoint("ingestion");
        var mqttIngestion = builder.AddConnectionString(PlatformInfrastructure.MqttIngestionConnectionName, ReferenceExpression.Create(
            $"Host={ingestionEndpoint.Property(EndpointProperty.Host)};Port={ingestionEndpoint.Property(EndpointProperty.Port)};Username={secrets.MqttIngestionUsername.Resource};Password={secrets.MqttIngestionPassword.Resource};ClientIdPrefix={PlatformInfrastructure.MqttClientIdPrefix}"));

        var keycloak = builder.AddContainer("keycloak", "quay.io/keycloak/keycloak", "26.4")
            .WithArgs("start-dev", "--import-realm")
            .WithEnvironment("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
            .WithEnvironment("KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.KeycloakAdminPassword)
            .WithEnvironment("KC_HEALTH_ENABLED", "true")
            .WithBindMount(Path.Combine(builder.AppHostDirectory, "Keycloak"), "/opt/keycloak/data/import", isReadOnly: true)
            .WithVolume("platform-keycloak-data", "/opt/keycloak/data/h2")
            .WithHttpEndpoint(port: settings.Ports.Keycloak, targetPort: 8080, name: "http")
            .WithHttpEndpoint(targetPort: 9000, name: "management")
            .WithHttpHealthCheck("/health/ready", endpointName: "management");

        // Keycloak names its issuer after the host it is reached at: the API reaches it on localhost.
        var identityProvider = new PlatformIdentityProvider(keycloak, $"http://localhost:{settings.Ports.Keycloak}{PlatformIdentityProvider.RealmPath}",
            PlatformIdentityProvider.CallbackUris(settings.Ports));

        return new PlatformInfrastructure(database, databaseOwner, eventBus, mqtt, postgres, eventBus, mosquitto)
        {
            IdentityProvider = identityProvider,
            // Running, the stack catches its mails in MailDev like local mode (it needs Node, not a
            // container); a published manifest leaves the mail server to the operator.
            MailServer = builder.ExecutionContext.IsPublishMode
                ? PlatformMailServer.FromOperator(builder)
                : builder.AddLocalMailDev(settings),
            MqttIngestion = mqttIngestion,
        };
    }

    // The same broker settings as local mode's LocalServices/mosquitto.sh (accounts, ACL, client ids
    // tied to accounts), for the image's busybox sh: the password file is hashed in place so the
    // passwords are never arguments.
    private const string MosquittoEntrypoint = """
        set -e
        umask 077
        printf '%s:%s\n%s:%s\n' "$MQTT_USERNAME" "$MQTT_PASSWORD" "$MQTT_INGESTION_USERNAME" "$MQTT_INGESTION_PASSWORD" > /mosquitto/passwd
        mosquitto_passwd -U /mosquitto/passwd
        cat > /mosquitto/acl <<ACL
        user $MQTT_USERNAME
        topic write application/+/device/+/event/up
        topic write v3/+/devices/+/up
        user $MQTT_INGESTION_USERNAME
        topic read application/+/device/+/event/up
        topic read v3/+/devices/+/up
        ACL
        chown mosquitto:mosquitto /mosquitto/passwd /mosquitto/acl /mosquitto/data
        cat > /mosquitto/platform.conf <<CONF
        per_listener_settings false
        allow_anonymous false
        password_file /mosquitto/passwd
        acl_file /mosquitto/acl
        clientid_prefixes $MQTT_CLIENT_ID_PREFIX
        listener 1883
        listener 1884
        use_username_as_clientid true
        persistence true
        persistence_location /mosquitto/data/
        autosave_interval 30
        max_queued_messages 1000000
        max_inflight_messages 1000
        log_dest stdout
        CONF
        exec mosquitto -c /mosquitto/platform.conf
        """;
}
