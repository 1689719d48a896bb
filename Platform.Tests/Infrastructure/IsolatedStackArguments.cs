namespace Platform.Tests.Infrastructure;

/// <summary>
/// AppHost arguments for a stack of its own beside any other: local mode, the given state folder,
/// free ports for every server, and no telemetry export (there is no dashboard to receive it, and
/// exporting to nobody holds up every shutdown). Shared by the tests and the benchmark.
/// </summary>
internal static class IsolatedStackArguments
{
    public static string[] For(string stateDirectory, params string[] more)
    {
        var ports = FreePorts.Take(11);
        return
        [
            "--Platform:Mode=Local",
            $"--Platform:StateDirectory={stateDirectory}",
            $"--Platform:Ports:Web={ports[0]}",
            $"--Platform:Ports:Api={ports[1]}",
            $"--Platform:Ports:Mqtt={ports[2]}",
            $"--Platform:Ports:Postgres={ports[3]}",
            $"--Platform:Ports:RabbitMq={ports[4]}",
            $"--Platform:Ports:RabbitMqDistribution={ports[5]}",
            $"--Platform:Ports:Epmd={ports[6]}",
            $"--Platform:Ports:Oidc={ports[7]}",
            $"--Platform:Ports:MqttIngestion={ports[8]}",
            $"--Platform:Ports:Smtp={ports[9]}",
            $"--Platform:Ports:MailDev={ports[10]}",
            "--Platform:ExportTelemetry=false",
            .. more,
        ];
    }
}
