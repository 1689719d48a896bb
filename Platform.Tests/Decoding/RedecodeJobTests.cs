using Platform.Tests.Infrastructure;
using Platform.Tests.Ingestion;
using Platform.Workers.Redecode;

namespace Platform.Tests.Decoding;

/// <summary>Re-decode jobs run by the worker over uplinks stored through the real ingestion.</summary>
[Collection(PlatformAppCollection.Name)]
public sealed class RedecodeJobTests(PlatformAppFixture fixture)
{
    private const int Uplinks = 3;

    // Version 2 adds a Fahrenheit value and drops humidity, so every value shows which version wrote it.
    private static readonly string Version2Script = DecoderSeeder.TlvScript.Replace("function decodeUplink(", "function decodeVersion1(", StringComparison.Ordinal) + """

        function decodeUplink(input) {
          var result = decodeVersion1(input);
          if (result.data) {
            result.data.temperatureF = Math.round((result.data.temperature * 9 / 5 + 32) * 10) / 10;
            delete result.data.humidity;
          }
          return result;
        }
        """;

    private readonly DecoderSeeder _decoders = new(fixture);
    private readonly DecodedUplinks _decoded = new(fixture);

    [Fact]
    public async Task AJobDecodesTheStoredUplinksAgainWithItsVersionAndReplacesTheirMeasurements()
    {
        var setup = await DecodedWithVersion1Async();
        var version2 = await _decoders.AddVersionAsync(setup.Decoder, setup.Tenant, 2, Version2Script);

        var job = await _decoders.CreateRedecodeJobAsync(setup.Tenant, setup.Decoder, 2, version2, setup.Time.AddHours(-1), setup.Time.AddHours(1));

        var finished = await StoredUplinks.EventuallyAsync(() => _decoded.JobAsync(job), row => row.Status is "Completed" or "Failed");
        Assert.Equal(new JobRow("Completed", Uplinks, Uplinks, 0, finished.Cursor, null), finished);
        var rows = await _decoded.OfDeviceAsync(setup.Device);
        Assert.All(rows, row =>
        {
            Assert.Equal(version2, row.VersionId);
            Assert.Equal(81.0, row.Decoded!["temperatureF"]!.GetValue<double>());
            Assert.False(row.Decoded.ContainsKey("humidity"));
        });
        Assert.Equal(
            rows.SelectMany(row => new[] { (row.Key, "battery", (double)row.FCnt), (row.Key, "temperature", 27.2), (row.Key, "temperatureF", 81.0) }),
            await _decoded.MeasurementsAsync(setup.Device));
        var latest = await _decoded.LatestAsync(setup.Device);
        Assert.Equal(81.0, latest!.Data["temperatureF"]!.GetValue<double>());
        Assert.Equal(Uplinks, latest.LastFCnt);
    }

    [Fact]
    public async Task AnInterruptedJobResumesAfterItsCursor()
    {
        var setup = await DecodedWithVersion1Async();
        var version2 = await _decoders.AddVersionAsync(setup.Decoder, setup.Tenant, 2, Version2Script);
        var first = (await _decoded.OfDeviceAsync(setup.Device))[0];
        var cursor = new RedecodeCursor(setup.Device, first.ReceivedAt, first.Key).ToString();

        // As a worker left it when it stopped after its first chunk: Running, one uplink done.
        var job = await _decoders.CreateRedecodeJobAsync(setup.Tenant, setup.Decoder, 2, version2, setup.Time.AddHours(-1), setup.Time.AddHours(1),
            status: "Running", total: Uplinks, processed: 1, cursor: cursor);

        var finished = await StoredUplinks.EventuallyAsync(() => _decoded.JobAsync(job), row => row.Status is "Completed" or "Failed");
        Assert.Equal(("Completed", (long?)Uplinks, (long)Uplinks), (finished.Status, finished.Total, finished.Processed));
        var rows = await _decoded.OfDeviceAsync(setup.Device);
        Assert.Equal([setup.Version1, version2, version2], rows.Select(row => row.VersionId));
        Assert.Equal(Uplinks * 3, (await _decoded.MeasurementsAsync(setup.Device)).Count);
    }

    [Fact]
    public async Task AJobWhoseVersionNoLongerExistsFailsAndSaysSo()
    {
        var setup = await DecodedWithVersion1Async();

        var job = await _decoders.CreateRedecodeJobAsync(setup.Tenant, setup.Decoder, 7, Guid.NewGuid(), setup.Time.AddHours(-1), setup.Time.AddHours(1));

        var finished = await StoredUplinks.EventuallyAsync(() => _decoded.JobAsync(job), row => row.Status is "Completed" or "Failed");
        Assert.Equal("Failed", finished.Status);
        Assert.Contains("decoder version 7", finished.Error, StringComparison.Ordinal);
        Assert.Contains("no longer exists", finished.Error, StringComparison.Ordinal);
        Assert.All(await _decoded.OfDeviceAsync(setup.Device), row => Assert.Equal(setup.Version1, row.VersionId));
    }

    [Fact]
    public async Task OpenJobsTakeTurnsSoALongJobDoesNotHoldUpAShortOne()
    {
        var time = DateTimeOffset.UtcNow;
        var longer = await _decoders.DeviceAsync(DecoderSeeder.TlvScript);
        var shorter = await _decoders.DeviceAsync(DecoderSeeder.TlvScript);
        await _decoders.StoreRawUplinksAsync(longer, 4 * RedecodeChunks.ChunkSize, time);
        await _decoders.StoreRawUplinksAsync(shorter, 10, time);

        // The long job is queued first; taken oldest first, it would run all five of its chunks before the short one's.
        var longJob = await _decoders.CreateRedecodeJobAsync(longer.Tenant, longer.Decoder, 1, longer.Version, time.AddHours(-1), time.AddHours(1));
        var shortJob = await _decoders.CreateRedecodeJobAsync(shorter.Tenant, shorter.Decoder, 1, shorter.Version, time.AddHours(-1), time.AddHours(1));

        var longFinished = await StoredUplinks.EventuallyAsync(() => _decoded.JobAsync(longJob), row => row.Status is "Completed" or "Failed");
        var shortFinished = await StoredUplinks.EventuallyAsync(() => _decoded.JobAsync(shortJob), row => row.Status is "Completed" or "Failed");
        Assert.Equal(("Completed", 4L * RedecodeChunks.ChunkSize), (longFinished.Status, longFinished.Processed));
        Assert.Equal(("Completed", 10L), (shortFinished.Status, shortFinished.Processed));
        Assert.True(await _decoded.JobFinishedAtAsync(shortJob) < await _decoded.JobFinishedAtAsync(longJob),
            "the short job should have finished between the long job's chunks");
        Assert.All(await _decoded.OfDeviceAsync(shorter.Device), row => Assert.Equal(100, row.Decoded!["battery"]!.GetValue<double>()));
    }

    /// <summary>A device with the TLV decoder (version 1) and <see cref="Uplinks"/> uplinks stored and decoded with it.</summary>
    private async Task<Setup> DecodedWithVersion1Async()
    {
        var seeded = await _decoders.DeviceAsync(DecoderSeeder.TlvScript);
        var (tenant, device, devEui, _, decoder, version1) = seeded;

        var time = DateTimeOffset.UtcNow;
        await using var networkServer = await NetworkServerClient.ConnectAsync(fixture);
        for (var fCnt = 1; fCnt <= Uplinks; fCnt++)
        {
            // Battery = fCnt, temperature 27.2 °C, humidity 37 %.
            var (topic, message, _) = NetworkServerClient.ChirpStack(seeded.ChirpStackApplication, devEui, (uint)fCnt,
                [0x01, 0x75, (byte)fCnt, 0x03, 0x67, 0x10, 0x01, 0x04, 0x68, 0x4A], time.AddSeconds(fCnt - Uplinks));
            await networkServer.PublishAsync(topic, message);
        }

        var rows = await StoredUplinks.EventuallyAsync(() => _decoded.OfDeviceAsync(device),
            rows => rows.Count == Uplinks && rows.All(row => row.VersionId == version1));
        Assert.Equal(Uplinks * 3, (await _decoded.MeasurementsAsync(device)).Count);
        Assert.All(rows, row => Assert.Equal(37.0, row.Decoded!["humidity"]!.GetValue<double>()));
        return new Setup(tenant, device, decoder, version1, time);
    }

    private sealed record Setup(Guid Tenant, Guid Device, Guid Decoder, Guid Version1, DateTimeOffset Time);
}
