namespace Platform.AppHost.Infrastructure;

internal static class SimulatedFleetExtensions
{
    /// <summary>
    /// The settings that say which devices the simulator is (Platform.Core's SimulatedFleet, section
    /// <c>Simulator</c>), given identically to every resource that must agree on them: the simulator
    /// that publishes for the devices and the migrations that register them in the demo tenant.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSimulatedFleet(this IResourceBuilder<ProjectResource> resource,
        PlatformHostingSettings settings) =>
        resource.WithEnvironment("Simulator__Format", settings.SimulatorFormat);
}
