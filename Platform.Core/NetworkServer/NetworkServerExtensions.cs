using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.Core.NetworkServer;

public static class NetworkServerExtensions
{
    /// <summary>Registers the broker settings from the "mqtt" connection string; fails at start when missing.</summary>
    public static TBuilder AddNetworkServerBroker<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(MqttBrokerSettings.ConnectionName)
            ?? throw new InvalidOperationException(
                $"Connection string '{MqttBrokerSettings.ConnectionName}' (the network server's MQTT broker) is missing.");
        builder.Services.AddSingleton(MqttBrokerSettings.Parse(connectionString));
        return builder;
    }
}
