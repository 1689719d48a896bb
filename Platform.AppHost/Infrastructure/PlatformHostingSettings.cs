using Microsoft.Extensions.Configuration;

namespace Platform.AppHost.Infrastructure;

/// <summary>
/// The AppHost's own settings, read while the model is built (section <c>Platform</c>, so
/// <c>--Platform:Mode=Local</c> or <c>Platform__Mode=Local</c>). Ports default to API.md's fixed
/// local addresses; infrastructure ports stay below 32768, outside Linux's ephemeral range.
/// </summary>
public sealed class PlatformHostingSettings
{
    public HostingMode Mode { get; set; } = HostingMode.Auto;

    /// <summary>Local mode's state (databases, queues, generated credentials); git-ignored.</summary>
    public string? StateDirectory { get; set; }

    public PortSettings Ports { get; set; } = new();

    /// <summary>The sender of the local stack's e-mails (caught by MailDev, never delivered).</summary>
    public string EmailFrom { get; set; } = "Platform <no-reply@platform.localhost>";

    /// <summary>Uplinks per second the simulator publishes in the local stack (0 turns it off).</summary>
    public double SimulatorRate { get; set; } = 1;

    /// <summary>When above 0, each simulated device sends once per this many seconds instead (wins over the rate).</summary>
    public double SimulatorIntervalSeconds { get; set; }

    /// <summary>Simulated devices; the migrations register as many in the demo tenant.</summary>
    public int SimulatorDevices { get; set; } = 10;

    /// <summary>Whose uplinks the simulator publishes: <c>ChirpStack</c> or <c>TheThingsStack</c>.</summary>
    public string SimulatorFormat { get; set; } = "ChirpStack";

    /// <summary>
    /// Whether the services send traces, metrics and logs to the dashboard. Tests and benchmarks
    /// run without a dashboard: exporting to nobody retries in memory and holds up every shutdown.
    /// </summary>
    public bool ExportTelemetry { get; set; } = true;

    public sealed class PortSettings
    {
        public int Web { get; set; } = 5080;
        public int Api { get; set; } = 5081;
        public int Mqtt { get; set; } = 1883;
        /// <summary>The broker's listener for the ingestion, where its account is its client id.</summary>
        public int MqttIngestion { get; set; } = 1884;
        public int Postgres { get; set; } = 25432;
        public int RabbitMq { get; set; } = 25672;
        public int RabbitMqDistribution { get; set; } = 25673;
        public int Epmd { get; set; } = 24369;
        public int Keycloak { get; set; } = 8080;
        /// <summary>Local mode's development OpenID provider (issuer http://127.0.0.1:{port}/realms/platform).</summary>
        public int Oidc { get; set; } = 24480;
        /// <summary>Local mode's mail catcher (MailDev): where the services hand over e-mails (SMTP).</summary>
        public int Smtp { get; set; } = 24025;
        /// <summary>MailDev's web inbox and REST API (<c>/api/email</c>).</summary>
        public int MailDev { get; set; } = 24080;
    }

    public static PlatformHostingSettings Read(IConfiguration configuration, string appHostDirectory)
    {
        var settings = configuration.GetSection("Platform").Get<PlatformHostingSettings>() ?? new PlatformHostingSettings();
        settings.StateDirectory = Path.GetFullPath(
            settings.StateDirectory ?? Path.Combine(appHostDirectory, "..", ".local"));
        return settings;
    }
}
