using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Platform.Core.Devices;

namespace Platform.Core.NetworkServer;

/// <summary>
/// The simulated devices as their network server knows them (configuration section
/// <c>Simulator</c>): consecutive DevEUIs from <see cref="FirstDevEui"/>, names
/// <c>simulated-0001</c>… (TTS device ids too), all in one application. Platform.Simulator publishes
/// their uplinks and the <c>migrate</c> command's demo bootstrap registers them; both read this one
/// definition, so the demo tenant owns exactly the devices that send.
/// </summary>
public sealed partial record SimulatedFleet
{
    public const string SectionName = "Simulator";

    public int Devices { get; init; } = 10;

    /// <summary>The first DevEUI; the others count up from it, so runs are reproducible.</summary>
    public string FirstDevEui { get; init; } = "70b3d57ed0000001";

    /// <summary>Whose uplink messages the simulator publishes, and so the devices' binding.</summary>
    public NetworkServerKind Format { get; init; } = NetworkServerKind.ChirpStack;

    /// <summary>ChirpStack's application (a UUID, part of every topic).</summary>
    public Guid ApplicationId { get; init; } = new("17c82e96-be03-4f38-aef3-f83d48582d97");

    /// <summary>ChirpStack's name of the application; The Things Stack publishes none.</summary>
    public string ApplicationName { get; init; } = "Simulated sensors";

    /// <summary>The Things Stack's application id; topics name it as <c>{app}@{tenant}</c>.</summary>
    public string TtsApplicationId { get; init; } = "simulated-sensors";

    /// <summary>The Things Stack (Industries) tenant the application belongs to.</summary>
    public string TtsTenantId { get; init; } = "simulator";

    /// <summary>The binding a platform device needs to accept these devices' uplinks.</summary>
    public NetworkServerBinding Binding => Format switch
    {
        NetworkServerKind.ChirpStack => new NetworkServerBinding(Format, ApplicationId.ToString()),
        NetworkServerKind.TheThingsStack => new NetworkServerBinding(Format, $"{TtsApplicationId}@{TtsTenantId}"),
        _ => throw new InvalidOperationException($"{SectionName}:Format '{Format}' is not a network server."),
    };

    public static SimulatedFleet Read(IConfiguration configuration)
    {
        var fleet = configuration.GetSection(SectionName).Get<SimulatedFleet>() ?? new SimulatedFleet();
        fleet.Validate();
        return fleet;
    }

    /// <summary>The devices in DevEUI order; throws when the settings cannot describe a fleet.</summary>
    public IReadOnlyList<SimulatedFleetDevice> Members()
    {
        var first = Validate();
        return Enumerable.Range(0, Devices)
            .Select(index => new SimulatedFleetDevice(
                DevEui.Parse((first + (ulong)index).ToString("x16", CultureInfo.InvariantCulture)),
                $"simulated-{index + 1:D4}"))
            .ToList();
    }

    private ulong Validate()
    {
        if (Devices < 0)
        {
            throw new InvalidOperationException($"{SectionName}:Devices cannot be negative.");
        }

        if (!DevEui.TryParse(FirstDevEui, out var devEui))
        {
            throw new InvalidOperationException($"{SectionName}:FirstDevEui '{FirstDevEui}' is not 16 hexadecimal characters.");
        }

        var first = ulong.Parse(devEui.Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (Devices > 0 && ulong.MaxValue - first < (ulong)(Devices - 1))
        {
            throw new InvalidOperationException($"{Devices} DevEUIs counted up from {FirstDevEui} run past ffffffffffffffff.");
        }

        if (Format == NetworkServerKind.TheThingsStack && !(TtsIdPattern().IsMatch(TtsApplicationId) && TtsIdPattern().IsMatch(TtsTenantId)))
        {
            // The Things Stack's own rule for ids; it would refuse to create such an application.
            throw new InvalidOperationException(
                $"{SectionName}:TtsApplicationId and TtsTenantId are 3 to 36 lowercase letters, digits and single inner hyphens.");
        }

        _ = Binding;
        return first;
    }

    [GeneratedRegex("^(?=.{3,36}$)[a-z0-9](?:-?[a-z0-9])+$")]
    private static partial Regex TtsIdPattern();
}
