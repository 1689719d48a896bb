using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Platform.Core.Devices;

/// <summary>A LoRaWAN device EUI: 8 bytes, written as 16 lowercase hex characters.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(DevEuiJsonConverter))]
public readonly record struct DevEui
{
    private DevEui(string value) => Value = value;

    public string Value { get; }

    /// <summary>Accepts upper or lower case, with or without ':' or '-' between bytes.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DevEui devEui)
    {
        devEui = default;
        if (text is null)
        {
            return false;
        }

        var hex = text.Replace(":", "").Replace("-", "").Trim();
        if (hex.Length != 16 || !ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        devEui = new DevEui(hex.ToLowerInvariant());
        return true;
    }

    public static DevEui Parse(string text) =>
        TryParse(text, out var devEui) ? devEui : throw new FormatException("A DevEUI is 16 hexadecimal characters.");

    public override string ToString() => Value;
}
