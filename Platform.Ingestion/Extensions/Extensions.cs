using Platform.Core.Ingestion;
using Platform.Core.Messaging;
using Platform.Core.NetworkServer;
using Platform.Core.Persistence;
using Platform.Ingestion.Mqtt;
using Platform.Ingestion.Pipeline;

namespace Platform.Ingestion.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformDatabase();
        // The device lookup is on the hot path: plain Npgsql, not EF.
        builder.AddPlatformDataSource();
        builder.AddEventBus();
        builder.AddNetworkServerBroker();

        builder.Services.Configure<IngestionOptions>(builder.Configuration.GetSection(IngestionOptions.SectionName));
        builder.Services.AddSingleton<IngestionMetrics>();
        builder.Services.AddSingleton<DeviceRouteLookup>();
        builder.Services.AddSingleton<DeviceRouteCache>();
        builder.Services.AddSingleton<IDeviceRouteSource>(services => services.GetRequiredService<DeviceRouteCache>());
        builder.Services.AddSingleton<UplinkAdmission>();
        builder.Services.AddSingleton<UplinkBatchPublisher>();
        builder.Services.AddSingleton<IngestionProgress>();
        builder.Services.AddSingleton<IngestionPipeline>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IngestionPipeline>());
        builder.Services.AddSingleton<MqttIngestionService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MqttIngestionService>());
        builder.Services.AddHealthChecks()
            .AddCheck<BrokerConnectionHealthCheck>(BrokerConnectionHealthCheck.Name)
            .AddCheck<IngestionProgressHealthCheck>(IngestionProgressHealthCheck.Name);
    }
}
