using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Tests.Infrastructure;
using Platform.Tests.Ingestion;
using Platform.Workers.Decoding;

namespace Platform.Tests.Decoding;

/// <summary>One tenant's decoder (or payloads) that never return must not cost another tenant its decoding.</summary>
[Collection(PlatformAppCollection.Name)]
public sealed class HostileDecoderIsolationTests(PlatformAppFixture fixture)
{
    private const int UplinksEach = 12;
    private const string Limit = "decoder exceeded its ";
    private const string Suspended = "decoder suspended after repeated limit violations: decoder exceeded its ";

    private readonly DecoderSeeder _decoders = new(fixture);
    private readonly DecodedUplinks _decoded = new(fixture);

    [Fact]
    public async Task AnotherTenantsUplinksAreDecodedWhileAnEndlessDecoderIsStoppedAndThenSuspended()
    {
        var hostile = await _decoders.DeviceAsync("function decodeUplink(input) { while (true) {} }");
        var good = await _decoders.DeviceAsync(DecoderSeeder.TlvScript);
        var time = DateTimeOffset.UtcNow;

        // Both tenants publish at the same time, each through its own network-server connection.
        await Task.WhenAll(PublishAsync(hostile, time, UplinksEach), PublishAsync(good, time, UplinksEach));

        var goodRows = await StoredUplinks.EventuallyAsync(() => _decoded.OfDeviceAsync(good.Device), rows => rows.Count == UplinksEach);
        var hostileRows = await StoredUplinks.EventuallyAsync(() => _decoded.OfDeviceAsync(hostile.Device), rows => rows.Count == UplinksEach);

        Assert.Equal(UplinksEach, goodRows.Count);
        Assert.All(goodRows, row =>
        {
            Assert.Null(row.Errors);
            Assert.Equal(good.Version, row.VersionId);
            Assert.Equal(row.FCnt, row.Decoded!["battery"]!.GetValue<double>());
        });
        Assert.Equal(UplinksEach, (await _decoded.MeasurementsAsync(good.Device)).Count);

        Assert.Equal(UplinksEach, hostileRows.Count);
        Assert.All(hostileRows, row =>
        {
            Assert.Null(row.Decoded);
            Assert.Equal(hostile.Version, row.VersionId);
            Assert.True(Assert.Single(row.Errors!).StartsWith(Limit, StringComparison.Ordinal) || row.Errors![0].StartsWith(Suspended, StringComparison.Ordinal),
                row.Errors![0]);
        });
        // Once suspended, the version is not run: only the runs that started before the suspension hit the limit.
        var limited = hostileRows.Count(row => row.Errors![0].StartsWith(Limit, StringComparison.Ordinal));
        Assert.InRange(limited, DecoderCircuit.Threshold, DecoderCircuit.Threshold + Environment.ProcessorCount - 1);
        Assert.Equal(UplinksEach - limited, hostileRows.Count(row => row.Errors![0].StartsWith(Suspended, StringComparison.Ordinal)));
        Assert.Empty(await _decoded.MeasurementsAsync(hostile.Device));

        var suspensionLogs = await StoredUplinks.EventuallyAsync(
            () => Task.FromResult(fixture.Logs.Count(log => log.Resource == "platform-workers"
                && log.Line.Content.Contains($"Decoder version {hostile.Version} broke a sandbox limit", StringComparison.Ordinal))),
            count => count > 0);
        Assert.Equal(1, suspensionLogs);
        foreach (var service in new[] { "platform-workers", "platform-ingestion" })
        {
            Assert.Equal(HealthStatus.Healthy, fixture.CurrentState(service).Snapshot.HealthStatus);
        }
    }

    [Fact]
    public async Task ALibraryVersionSuspendedForOneTenantKeepsDecodingAnotherTenantsUplinks()
    {
        // A platform library decoder that some payloads (first byte 0xFF) send into an endless loop.
        var (library, version) = await _decoders.CreateActiveDecoderAsync(null,
            "function decodeUplink(input) { if (input.bytes[0] === 0xFF) { while (true) {} } return { data: { battery: input.bytes[2] } }; }");
        var hostile = await _decoders.DeviceAsync(null);
        var good = await _decoders.DeviceAsync(null);
        await _decoders.AssignAsync(hostile.Device, library);
        await _decoders.AssignAsync(good.Device, library);
        var time = DateTimeOffset.UtcNow;

        // Enough that some come after the suspension however many run at once (one per core).
        var hostileUplinks = DecoderCircuit.Threshold + Environment.ProcessorCount + 1;
        await PublishAsync(hostile, time, hostileUplinks, firstByte: 0xFF);
        var hostileRows = await StoredUplinks.EventuallyAsync(() => _decoded.OfDeviceAsync(hostile.Device), rows => rows.Count == hostileUplinks);
        Assert.Contains(hostileRows, row => IsSuspended(row));

        // Published while the version is suspended for the first tenant.
        await PublishAsync(good, time, UplinksEach);
        var goodRows = await StoredUplinks.EventuallyAsync(() => _decoded.OfDeviceAsync(good.Device), rows => rows.Count == UplinksEach);
        // And still suspended for it afterwards: the second tenant's uplinks were decoded during the suspension.
        await PublishAsync(hostile, time.AddSeconds(1), 1, firstByte: 0xFF);
        var laterHostile = await StoredUplinks.EventuallyAsync(() => _decoded.OfDeviceAsync(hostile.Device), rows => rows.Count == hostileUplinks + 1);

        Assert.Equal(UplinksEach, goodRows.Count);
        Assert.All(goodRows, row =>
        {
            Assert.Null(row.Errors);
            Assert.Equal(version, row.VersionId);
            Assert.Equal(row.FCnt, row.Decoded!["battery"]!.GetValue<double>());
        });
        Assert.True(IsSuspended(laterHostile[^1]), string.Join(", ", laterHostile[^1].Errors ?? []));
    }

    private static bool IsSuspended(DecodedRow row) => row.Errors is [var error] && error.StartsWith(Suspended, StringComparison.Ordinal);

    private async Task PublishAsync(SeededDevice device, DateTimeOffset time, int count, byte firstByte = 0x01)
    {
        await using var networkServer = await NetworkServerClient.ConnectAsync(fixture);
        for (var fCnt = 1; fCnt <= count; fCnt++)
        {
            var (topic, message, _) = NetworkServerClient.ChirpStack(device.ChirpStackApplication, device.DevEui, (uint)fCnt, [firstByte, 0x75, (byte)fCnt],
                time.AddMilliseconds(fCnt));
            await networkServer.PublishAsync(topic, message);
        }
    }
}
