using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.Core.Messaging;

public static class EventBusExtensions
{
    public const string ConnectionName = "eventbus";
    public const string HealthCheckName = "rabbitmq";

    /// <summary>
    /// One shared RabbitMQ connection (Aspire's client: retries, tracing), a readiness check named
    /// "rabbitmq", and the declaration of the platform's exchanges and queues at start.
    /// </summary>
    public static TBuilder AddEventBus<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddRabbitMQClient(ConnectionName, settings => settings.DisableHealthChecks = true);
        builder.Services.AddHealthChecks().AddCheck<EventBusHealthCheck>(HealthCheckName);
        builder.Services.AddHostedService<EventBusTopologyInitializer>();
        return builder;
    }
}
