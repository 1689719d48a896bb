using System.Text.Json.Nodes;
using Platform.Core.Devices;
using Platform.Tests.Infrastructure;
using Platform.Tests.Ingestion;

namespace Platform.Tests.Decoding;

/// <summary>Uplinks through the real broker, ingestion and storage worker, decoded on the way into PostgreSQL.</summary>
[Collection(PlatformAppCollection.Name)]
public sealed class DecodingStorageTests(PlatformAppFixture fixture)
{
    private static readonly string Recorded = Path.Combine(AppContext.BaseDirectory, "SharedData", "uplinks");

    private readonly DecoderSeeder _decoders = new(fixture);
    private readonly DecodedUplinks _decoded = new(fixture);

    [Fact]
    public async Task TheRecordedChirpStackUplinkIsDecodedIntoItsRowMeasurementsAndLatestValues()
    {
        var (_, device, devEui, application, _, version) = await _decoders.DeviceAsync(DecoderSeeder.TlvScript);
        var payload = RecordedPayload("chirpstack-v4-up.json", message => message["data"]);
        var time = DateTimeOffset.UtcNow;
        await using var networkServer = await NetworkServerClient.ConnectAsync(fixture);

        var (topic, message, _) = NetworkServerClient.ChirpStack(Guid.Parse(application), devEui, 41, payload, time);
        await networkServer.PublishAsync(topic, message);

        await AssertDecodedAsync(device, version, 41, time, battery: 100, temperature: 27.2, humidity: 37);
    }

    [Fact]
    public async Task TheRecordedTtsUplinkIsDecodedIntoItsRowMeasurementsAndLatestValues()
    {
        var (_, device, devEui, application, _, version) = await _decoders.DeviceAsync(DecoderSeeder.TlvScript, NetworkServerKind.TheThingsStack);
        var payload = RecordedPayload("tts-v3-up.json", message => message["uplink_message"]!["frm_payload"]);
        var time = DateTimeOffset.UtcNow;
        await using var networkServer = await NetworkServerClient.ConnectAsync(fixture);

        var (topic, message, _) = NetworkServerClient.Tts(application, "eui-" + devEui, devEui, 42, payload, time);
        await networkServer.PublishAsync(topic, message);

        await AssertDecodedAsync(device, version, 42, time, battery: 90, temperature: 24.2, humidity: 46);
    }

    [Fact]
    public async Task AnUplinkOfADeviceWithoutDecoderIsStoredRawAndStillMarksTheDeviceSeen()
    {
        var (_, device, devEui, application, _, _) = await _decoders.DeviceAsync(null);
        var time = DateTimeOffset.UtcNow;
        await using var networkServer = await NetworkServerClient.ConnectAsync(fixture);

        var (topic, message, _) = NetworkServerClient.ChirpStack(Guid.Parse(application), devEui, 5, [0x01, 0x75, 0x64], time);
        await networkServer.PublishAsync(topic, message);

        var row = Assert.Single(await StoredUplinks.EventuallyAsync(() => _decoded.OfDeviceAsync(device), rows => rows.Count > 0));
        Assert.Equal(new DecodedRow(row.Key, 5, null, null, null, null, null, row.ReceivedAt), row);
        Assert.Empty(await _decoded.MeasurementsAsync(device));
        var latest = await _decoded.LatestAsync(device);
        Assert.NotNull(latest);
        Assert.Equal(Microseconds(time), latest.LastSeenAt);
        Assert.Equal(5, latest.LastFCnt);
        Assert.Empty(latest.Data);
        Assert.Null(latest.DataAt);
    }

    [Theory]
    [InlineData("function decodeUplink(input) { throw new Error('cannot read this'); }", "decoder threw an error: cannot read this")]
    [InlineData("function decodeUplink(input) { return { errors: ['battery channel missing'], warnings: ['odd port'] }; }", "battery channel missing")]
    // PostgreSQL's jsonb cannot hold \u0000: stored as it is, it would make the whole write unstorable.
    [InlineData("function decodeUplink(input) { return { data: { label: 'a\\u0000b' } }; }", "decodeUplink returned text with a NUL character, which cannot be stored")]
    [InlineData("function decodeUplink(input) { return { data: { label: 'a\\ud800b' } }; }", "decodeUplink returned text with an unpaired surrogate, which cannot be stored")]
    [InlineData("function decodeUplink(input) { var d = {}; d['\\udc00'] = 1; return { data: d }; }", "decodeUplink returned text with an unpaired surrogate, which cannot be stored")]
    [InlineData("function decodeUplink(input) { throw new Error('bad \\u0000 \\ud800 byte'); }", "bad \uFFFD \uFFFD byte")]
    public async Task AnUplinkWhoseDecoderFailsIsStoredRawWithTheDecodersErrors(string script, string error)
    {
        var (_, device, devEui, application, _, version) = await _decoders.DeviceAsync(script);
        var time = DateTimeOffset.UtcNow;
        await using var networkServer = await NetworkServerClient.ConnectAsync(fixture);

        var (topic, message, _) = NetworkServerClient.ChirpStack(Guid.Parse(application), devEui, 9, [0x01, 0x75, 0x64], time);
        await networkServer.PublishAsync(topic, message);

        var row = Assert.Single(await StoredUplinks.EventuallyAsync(() => _decoded.OfDeviceAsync(device), rows => rows.Count > 0));
        Assert.Equal(version, row.VersionId);
        Assert.Null(row.Decoded);
        Assert.Contains(error, Assert.Single(row.Errors!), StringComparison.Ordinal);
        Assert.NotNull(row.DecodedAt);
        Assert.Empty(await _decoded.MeasurementsAsync(device));
        var latest = await _decoded.LatestAsync(device);
        Assert.Equal(9, latest!.LastFCnt);
        Assert.Empty(latest.Data);
    }

    [Fact]
    public async Task AnUplinkTheBrokerDeliversTwiceHasOneSetOfMeasurements()
    {
        var (_, device, devEui, application, _, _) = await _decoders.DeviceAsync(DecoderSeeder.TlvScript);
        await using var networkServer = await NetworkServerClient.ConnectAsync(fixture);
        var first = NetworkServerClient.ChirpStack(Guid.Parse(application), devEui, 1, [0x01, 0x75, 0x50, 0x04, 0x68, 0x40], DateTimeOffset.UtcNow);
        var second = NetworkServerClient.ChirpStack(Guid.Parse(application), devEui, 2, [0x01, 0x75, 0x4f], DateTimeOffset.UtcNow.AddSeconds(1));

        await networkServer.PublishAsync(first.Topic, first.Message);
        await networkServer.PublishAsync(first.Topic, first.Message);
        await networkServer.PublishAsync(second.Topic, second.Message);

        // The second uplink comes after both copies of the first: once it is stored, both copies were handled.
        await StoredUplinks.EventuallyAsync(() => _decoded.OfDeviceAsync(device), rows => rows.Any(row => row.FCnt == 2));
        var measurements = await _decoded.MeasurementsAsync(device);
        Assert.Equal(
            [(first.DeduplicationId.ToString(), "battery", 80), (first.DeduplicationId.ToString(), "humidity", 32), (second.DeduplicationId.ToString(), "battery", 79)],
            measurements);
        Assert.Equal(2, (await _decoded.OfDeviceAsync(device)).Count);
    }

    [Fact]
    public async Task ARedeliveryDecodedByANewerVersionAddsNoValuesItsStoredRowDoesNotHave()
    {
        var (tenant, device, devEui, application, decoder, version) = await _decoders.DeviceAsync(DecoderSeeder.TlvScript);
        await using var networkServer = await NetworkServerClient.ConnectAsync(fixture);
        var first = NetworkServerClient.ChirpStack(Guid.Parse(application), devEui, 1, [0x01, 0x75, 0x50], DateTimeOffset.UtcNow);
        await networkServer.PublishAsync(first.Topic, first.Message);
        await StoredUplinks.EventuallyAsync(() => _decoded.OfDeviceAsync(device), rows => rows.Count == 1);

        var newer = await _decoders.AddVersionAsync(decoder, tenant, 2, "function decodeUplink(input) { return { data: { redecoded: 1 } }; }");
        await _decoders.ActivateAsync(decoder, 2);
        // The worker caches assignments for a few seconds: probes show when it decodes with version 2.
        uint probe = 100;
        await StoredUplinks.EventuallyAsync(async () =>
        {
            var sent = NetworkServerClient.ChirpStack(Guid.Parse(application), devEui, probe++, [0x01], DateTimeOffset.UtcNow);
            await networkServer.PublishAsync(sent.Topic, sent.Message);
            return await _decoded.OfDeviceAsync(device);
        }, rows => rows.Any(row => row.VersionId == newer));

        var marker = NetworkServerClient.ChirpStack(Guid.Parse(application), devEui, 2, [0x01], DateTimeOffset.UtcNow);
        await networkServer.PublishAsync(first.Topic, first.Message);
        await networkServer.PublishAsync(marker.Topic, marker.Message);

        // The marker comes after the redelivery: once it is stored, the redelivery was handled.
        var rows = await StoredUplinks.EventuallyAsync(() => _decoded.OfDeviceAsync(device), rows => rows.Any(row => row.FCnt == 2));
        var stored = Assert.Single(rows, row => row.Key == first.DeduplicationId.ToString());
        Assert.Equal(version, stored.VersionId);
        var firstValues = (await _decoded.MeasurementsAsync(device)).Where(value => value.Key == stored.Key).ToList();
        Assert.Equal([(stored.Key, "battery", 80)], firstValues);
    }

    private async Task AssertDecodedAsync(Guid device, Guid version, long fCnt, DateTimeOffset time, double battery, double temperature, double humidity)
    {
        var row = Assert.Single(await StoredUplinks.EventuallyAsync(() => _decoded.OfDeviceAsync(device), rows => rows.Count > 0));
        Assert.Equal(version, row.VersionId);
        Assert.Null(row.Errors);
        Assert.Null(row.Warnings);
        Assert.NotNull(row.DecodedAt);
        Assert.Equal(fCnt, row.FCnt);
        Assert.Equal(battery, row.Decoded!["battery"]!.GetValue<double>());
        Assert.Equal(temperature, row.Decoded["temperature"]!.GetValue<double>());
        Assert.Equal(humidity, row.Decoded["humidity"]!.GetValue<double>());

        Assert.Equal([(row.Key, "battery", battery), (row.Key, "humidity", humidity), (row.Key, "temperature", temperature)],
            await _decoded.MeasurementsAsync(device));

        var latest = await _decoded.LatestAsync(device);
        Assert.NotNull(latest);
        Assert.Equal(Microseconds(time), latest.LastSeenAt);
        Assert.Equal(Microseconds(time), latest.DataAt);
        Assert.Equal(fCnt, latest.LastFCnt);
        Assert.True(JsonNode.DeepEquals(row.Decoded, latest.Data), latest.Data.ToJsonString());
    }

    private static byte[] RecordedPayload(string file, Func<JsonNode, JsonNode?> field) =>
        Convert.FromBase64String(field(JsonNode.Parse(File.ReadAllText(Path.Combine(Recorded, file)))!)!.GetValue<string>());

    // PostgreSQL keeps microseconds.
    private static DateTimeOffset Microseconds(DateTimeOffset time) => new(time.UtcTicks - time.UtcTicks % 10, TimeSpan.Zero);
}
