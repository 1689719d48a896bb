using System.Data.Common;

namespace Platform.Core.NetworkServer;

/// <summary>
/// How to reach the network server's MQTT broker, parsed from the "mqtt" connection string:
/// <c>Host=…;Port=…;Username=…;Password=…[;UseTls=true][;CaCertificate=/path/ca.pem][;ClientIdPrefix=…]</c>.
/// </summary>
/// <param name="ClientIdPrefix">
/// Put before every client id: a broker that ties client ids to accounts (the local stand-in)
/// accepts only ids that start so, except where it replaces the id by the account name.
/// </param>
public sealed record MqttBrokerSettings(
    string Host, int Port, string? Username, string? Password, bool UseTls, string? CaCertificatePath, string? ClientIdPrefix = null)
{
    public const string ConnectionName = "mqtt";

    public static MqttBrokerSettings Parse(string connectionString)
    {
        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        string? Get(string key) => parts.TryGetValue(key, out var value) ? Convert.ToString(value) : null;

        var host = Get("Host") ?? throw new FormatException("The MQTT connection string has no Host.");
        var useTls = bool.TryParse(Get("UseTls"), out var tls) && tls;
        var port = int.TryParse(Get("Port"), out var parsed) ? parsed : useTls ? 8883 : 1883;
        return new MqttBrokerSettings(host, port, Get("Username"), Get("Password"), useTls, Get("CaCertificate"), Get("ClientIdPrefix"));
    }

    /// <summary>Never prints the password: records are logged and shown in exceptions by accident.</summary>
    public override string ToString() => $"{(UseTls ? "mqtts" : "mqtt")}://{Host}:{Port} as {Username ?? "(anonymous)"}";
}
