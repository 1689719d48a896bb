namespace Platform.AppHost.Infrastructure;

/// <summary>
/// What the services are given, identical in both hosting modes: connection strings under fixed
/// names, and the servers behind them to wait for.
/// </summary>
/// <param name="Database">"platformdb" as the services' non-owner role.</param>
/// <param name="DatabaseOwner">"platformdb-owner": the schema owner, for the migration step only.</param>
/// <param name="EventBus">"eventbus": RabbitMQ.</param>
/// <param name="Mqtt">"mqtt": the broker standing in for the network server's, with the network server's credentials.</param>
public sealed record PlatformInfrastructure(
    IResourceBuilder<IResourceWithConnectionString> Database,
    IResourceBuilder<IResourceWithConnectionString> DatabaseOwner,
    IResourceBuilder<IResourceWithConnectionString> EventBus,
    IResourceBuilder<IResourceWithConnectionString> Mqtt,
    IResourceBuilder<IResource> DatabaseServer,
    IResourceBuilder<IResource> EventBusServer,
    IResourceBuilder<IResource> MqttServer)
{
    public const string DatabaseName = "platformdb";
    public const string DatabaseOwnerConnectionName = "platformdb-owner";
    public const string EventBusConnectionName = "eventbus";
    public const string MqttConnectionName = "mqtt";

    /// <summary>The same broker as the ingestion reaches it: its own listener and account (handed to it as "mqtt").</summary>
    public const string MqttIngestionConnectionName = "mqtt-ingestion";

    /// <summary>
    /// Every client id the local broker accepts starts with this, except on the ingestion's listener,
    /// where the broker replaces it by the account name (which never starts so). So no client can
    /// name itself after the ingestion. Sent as <c>ClientIdPrefix</c> in the connection strings.
    /// </summary>
    public const string MqttClientIdPrefix = "local-";

    /// <summary>The ingestion's connection to the broker; see <see cref="MqttIngestionConnectionName"/>.</summary>
    public required IResourceBuilder<IResourceWithConnectionString> MqttIngestion { get; init; }
    public const string ApplicationRole = "platform_app";
    public const string RabbitMqUser = "platform";

    /// <summary>The mail server (local: MailDev; published: the operator's), "smtp".</summary>
    public required PlatformMailServer MailServer { get; init; }

    /// <summary>The platform-wide OpenID provider (local: development provider; containers: Keycloak).</summary>
    public required PlatformIdentityProvider IdentityProvider { get; init; }
}
