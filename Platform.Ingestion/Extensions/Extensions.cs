using Platform.Core.Messaging;
using Platform.Core.NetworkServer;
using Platform.Core.Persistence;
using Platform.Ingestion.Mqtt;

namespace Platform.Ingestion.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformDatabase();
        builder.AddEventBus();
        builder.AddNetworkServerBroker();

        builder.Services.Configure<IngestionOptions>(builder.Configuration.GetSection(IngestionOptions.SectionName));
        builder.Services.AddSingleton<IngestionMetrics>();
        builder.Services.AddSingleton<MqttIngestionService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MqttIngestionService>());
        builder.Services.AddHealthChecks().AddCheck<BrokerConnectionHealthCheck>(BrokerConnectionHealthCheck.Name);
    }
}
