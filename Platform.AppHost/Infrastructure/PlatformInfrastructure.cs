namespace Platform.AppHost.Infrastructure;

/// <summary>
/// What the services are given, identical in both hosting modes: connection strings under fixed
/// names, and the servers behind them to wait for.
/// </summary>
/// <param name="Database">"platformdb" as the services' non-owner role.</param>
/// <param name="DatabaseOwner">"platformdb-owner": the schema owner, for the migration step only.</param>
/// <param name="EventBus">"eventbus": RabbitMQ.</param>
/// <param name="Mqtt">"mqtt": the broker standing in for the network server's, with its credentials.</param>
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
    public const string ApplicationRole = "platform_app";
    public const string RabbitMqUser = "platform";

    /// <summary>The platform-wide OpenID provider (local: development provider; containers: Keycloak).</summary>
    public required PlatformIdentityProvider IdentityProvider { get; init; }
}
