using Microsoft.Extensions.Configuration;
using Platform.Core.Devices;
using Platform.Core.NetworkServer;

namespace Platform.Tests.Simulator;

public sealed class SimulatedFleetTests
{
    [Fact]
    public void DevEuisCountUpFromTheFirstAndNamesNumberTheDevices()
    {
        var fleet = new SimulatedFleet { Devices = 3, FirstDevEui = "70:B3:D5:7E:D0:00:00:FE" };

        var members = fleet.Members();

        Assert.Equal(["70b3d57ed00000fe", "70b3d57ed00000ff", "70b3d57ed0000100"], members.Select(member => member.DevEui.Value));
        Assert.Equal(["simulated-0001", "simulated-0002", "simulated-0003"], members.Select(member => member.Name));
    }

    [Fact]
    public void TheBindingIsTheApplicationAsEachNetworkServerNamesItInItsTopics()
    {
        var chirpStack = new SimulatedFleet();
        var tts = new SimulatedFleet { Format = NetworkServerKind.TheThingsStack, TtsApplicationId = "demo-sensors", TtsTenantId = "acme" };

        Assert.Equal(new NetworkServerBinding(NetworkServerKind.ChirpStack, "17c82e96-be03-4f38-aef3-f83d48582d97"), chirpStack.Binding);
        Assert.Equal(new NetworkServerBinding(NetworkServerKind.TheThingsStack, "demo-sensors@acme"), tts.Binding);
    }

    [Fact]
    public void SettingsComeFromTheSimulatorSectionAsTheAppHostPassesThem()
    {
        // The AppHost sets environment variables such as Simulator__Format, which arrive as these keys.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulator:Devices"] = "4",
            ["Simulator:FirstDevEui"] = "0000000000000010",
            ["Simulator:Format"] = "TheThingsStack",
            ["Simulator:UplinksPerSecond"] = "5",
        }).Build();

        var fleet = SimulatedFleet.Read(configuration);

        Assert.Equal(NetworkServerKind.TheThingsStack, fleet.Format);
        Assert.Equal("simulated-sensors@simulator", fleet.Binding.ApplicationId);
        Assert.Equal("0000000000000013", fleet.Members()[^1].DevEui.Value);
    }

    [Fact]
    public void SettingsThatCannotDescribeAFleetAreRefused()
    {
        SimulatedFleet[] invalid =
        [
            new() { Devices = -1 },
            new() { FirstDevEui = "not-a-dev-eui" },
            new() { FirstDevEui = "fffffffffffffffe", Devices = 3 },
            new() { Format = (NetworkServerKind)99 },
            new() { Format = NetworkServerKind.TheThingsStack, TtsApplicationId = "Simulated_Sensors" },
            new() { Format = NetworkServerKind.TheThingsStack, TtsTenantId = "x" },
        ];

        Assert.All(invalid, fleet => Assert.Throws<InvalidOperationException>(() => fleet.Members()));
        Assert.Equal(2, new SimulatedFleet { FirstDevEui = "fffffffffffffffe", Devices = 2 }.Members().Count);
    }
}
