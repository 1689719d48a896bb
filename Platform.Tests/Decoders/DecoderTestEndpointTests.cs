using System.Net;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using Platform.Tests.Members;
using static Platform.Tests.Decoders.DecoderApi;

namespace Platform.Tests.Decoders;

[Collection(PlatformAppCollection.Name)]
public sealed class DecoderTestEndpointTests(PlatformAppFixture fixture)
{
    // The shared files' "ChirpStack example uplink".
    private static readonly byte[] Payload = Convert.FromHexString("0175640367100104684a");

    private readonly TestTenantSeeder _seeder = new(fixture);

    [Fact]
    public async Task DraftScriptDecodesHexAndBase64Alike()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);

        var fromHex = await TestAsync(tenant, new { script = TlvScript, fPort = 85, bytes = Convert.ToHexStringLower(Payload) });
        var fromBase64 = await TestAsync(tenant, new { script = TlvScript, fPort = 85, bytes = Convert.ToBase64String(Payload) });

        Assert.Equal(27.2, fromHex["data"]!["temperature"]!.GetValue<double>(), 9);
        Assert.Equal(fromHex["data"]!.ToJsonString(), fromBase64["data"]!.ToJsonString());
        Assert.Empty(fromHex["errors"]!.AsArray());
        Assert.True(fromHex["durationMs"]!.GetValue<double>() >= 0);
    }

    [Fact]
    public async Task StoredVersionAndVariablesReachTheDecoder()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        const string script = "function decodeUplink(input) { return { data: { offset: Number(input.variables.offset), port: input.fPort } }; }";
        var decoder = IdOf(await CreateAsync(tenant.AdminHttp, tenant.TenantId, new { codec = "JavaScript", script, vectors = Array.Empty<object>() }));

        var result = await TestAsync(tenant, new { decoderId = decoder, version = 1, fPort = 7, bytes = "00",
            variables = new Dictionary<string, string> { ["offset"] = "2.5" } });

        Assert.Equal(2.5, result["data"]!["offset"]!.GetValue<double>());
        Assert.Equal(7, result["data"]!["port"]!.GetValue<int>());
    }

    [Fact]
    public async Task CayenneLppCodecDecodesWithoutAScript()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);

        var result = await TestAsync(tenant, new { codec = "CayenneLpp", fPort = 1, bytes = "03670110056872" });

        Assert.Equal(27.2, result["data"]!["temperature_3"]!.GetValue<double>(), 9);
        Assert.Equal(57, result["data"]!["relative_humidity_5"]!.GetValue<double>(), 9);
    }

    [Fact]
    public async Task EndlessScriptIsStoppedByTheTimeLimitAndAnsweredWithAnError()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        // Each pass is one catastrophically backtracking match, so time runs out long before the statement budget.
        const string script = "function decodeUplink(input) { while (true) { /(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'); } }";

        var result = await TestAsync(tenant, new { script, fPort = 1, bytes = "00" });

        Assert.Null(result["data"]);
        Assert.Contains("exceeded its time limit", result["errors"]!.AsArray().Single()!.GetValue<string>());
    }

    [Fact]
    public async Task MemoryBombIsStoppedByTheMemoryLimitAndAnsweredWithAnError()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        const string script = "function decodeUplink(input) { var a = []; while (true) a.push(new Array(1e6)); }";

        var result = await TestAsync(tenant, new { script, fPort = 1, bytes = "00" });

        Assert.Contains("exceeded its memory limit", result["errors"]!.AsArray().Single()!.GetValue<string>());
    }

    [Fact]
    public async Task SyntaxErrorIsA400WithLineAndColumn()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);

        var problem = await SendAsync(tenant.AdminHttp, HttpMethod.Post, tenant.Route("/decoders/test"),
            new { script = "function decodeUplink(input) {\n\n  return {;\n}", fPort = 1, bytes = "00" }, HttpStatusCode.BadRequest);

        Assert.Equal(3, problem["line"]!.GetValue<int>());
        Assert.NotNull(problem["column"]);
    }

    [Theory]
    [InlineData("zz")]
    [InlineData("abc")]
    public async Task InvalidBytesAreAFieldError(string bytes)
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);

        using var response = await tenant.AdminHttp.PostAsync(tenant.Route("/decoders/test"),
            System.Net.Http.Json.JsonContent.Create(new { codec = "CayenneLpp", fPort = 1, bytes }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["bytes"], await ProblemResponses.FieldsAsync(response));
    }

    [Fact]
    public async Task AnExplicitEncodingDecidesWhatAmbiguousBytesMean()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        const string script = "function decodeUplink(input) { return { data: { bytes: input.bytes } }; }";

        // "ABCD" is hex (AB CD) and base64 (00 10 83) at once: guessed as hex unless the client says otherwise.
        var guessed = await TestAsync(tenant, new { script, fPort = 1, bytes = "ABCD" });
        var base64 = await TestAsync(tenant, new { script, fPort = 1, bytes = "ABCD", encoding = "base64" });
        var hex = await TestAsync(tenant, new { script, fPort = 1, bytes = "abcd", encoding = "hex" });

        Assert.Equal([0xab, 0xcd], guessed["data"]!["bytes"]!.AsArray().Select(b => b!.GetValue<int>()));
        Assert.Equal([0x00, 0x10, 0x83], base64["data"]!["bytes"]!.AsArray().Select(b => b!.GetValue<int>()));
        Assert.Equal([0xab, 0xcd], hex["data"]!["bytes"]!.AsArray().Select(b => b!.GetValue<int>()));
    }

    [Theory]
    [InlineData("AQID", "hex", "bytes")]
    [InlineData("0", "base64", "bytes")]
    [InlineData("00", "binary", "encoding")]
    public async Task BytesThatAreNotInTheGivenEncodingAreRefused(string bytes, string encoding, string field)
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);

        using var response = await tenant.AdminHttp.PostAsync(tenant.Route("/decoders/test"),
            System.Net.Http.Json.JsonContent.Create(new { codec = "CayenneLpp", fPort = 1, bytes, encoding }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await ProblemResponses.FieldsAsync(response));
    }

    [Fact]
    public async Task ScriptAndStoredVersionTogetherAreRefused()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);

        await SendAsync(tenant.AdminHttp, HttpMethod.Post, tenant.Route("/decoders/test"),
            new { script = TlvScript, decoderId = Guid.NewGuid(), version = 1, fPort = 1, bytes = "00" }, HttpStatusCode.BadRequest);
        await SendAsync(tenant.AdminHttp, HttpMethod.Post, tenant.Route("/decoders/test"), new { fPort = 1, bytes = "00" }, HttpStatusCode.BadRequest);
    }

    private static Task<JsonObject> TestAsync(TenantAdminScenario tenant, object body) =>
        SendAsync(tenant.AdminHttp, HttpMethod.Post, tenant.Route("/decoders/test"), body, HttpStatusCode.OK);
}
