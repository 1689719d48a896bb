using Platform.Core.NetworkServer;
using Platform.Simulator.Publishing;

namespace Platform.Simulator.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNetworkServerBroker();
        // Read and checked here, so that settings which cannot describe a fleet stop the start.
        builder.Services.AddSingleton(SimulatedFleet.Read(builder.Configuration));
        builder.Services.Configure<SimulatorOptions>(builder.Configuration.GetSection(SimulatorOptions.SectionName));
        builder.Services.AddHostedService<UplinkSimulatorService>();
    }
}
