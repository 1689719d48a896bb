using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;

namespace Platform.Core.NetworkServer;

public static class MqttClientOptionsFactory
{
    // MQTTnet applies its buffer size to the socket, which switches off Linux's buffer autotuning;
    // at the 8 KiB default a QoS 1 subscriber stalls at a few thousand messages per second.
    private const int SocketBufferSize = 256 * 1024;

    /// <param name="persistentSession">
    /// Keep subscriptions and queued QoS 1 messages while disconnected. MQTT 5 needs both a
    /// non-clean start and a session expiry interval for that.
    /// </param>
    public static MqttClientOptions Create(MqttBrokerSettings broker, string clientId, bool persistentSession)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithClientId(broker.ClientIdPrefix + clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTcpServer(broker.Host, broker.Port)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithCleanSession(!persistentSession);

        if (persistentSession)
        {
            builder.WithSessionExpiryInterval((uint)TimeSpan.FromDays(1).TotalSeconds);
        }

        if (broker.Username is not null)
        {
            builder.WithCredentials(broker.Username, broker.Password);
        }

        if (broker.UseTls)
        {
            builder.WithTlsOptions(tls =>
            {
                tls.UseTls().WithTargetHost(broker.Host);
                if (broker.CaCertificatePath is not null)
                {
                    // A private CA (the network server's own) is trusted for this broker only.
                    var authority = X509CertificateLoader.LoadCertificateFromFile(broker.CaCertificatePath);
                    tls.WithTrustChain(new X509Certificate2Collection(authority));
                }
            });
        }

        var options = builder.Build();
        // Only settable once built: the builder's TCP callback variant rejects options without an endpoint.
        var tcp = (MqttClientTcpOptions)options.ChannelOptions;
        tcp.BufferSize = SocketBufferSize;
        tcp.NoDelay = true;
        return options;
    }
}
