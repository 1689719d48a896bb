using Platform.Core.NetworkServer;
using Platform.Simulator.Publishing;

namespace Platform.Simulator.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNetworkServerBroker();
        builder.Services.Configure<SimulatorOptions>(builder.Configuration.GetSection(SimulatorOptions.SectionName));
        builder.Services.AddHostedService<UplinkSimulatorService>();
    }
}
