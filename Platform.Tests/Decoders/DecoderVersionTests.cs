using System.Net;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using Platform.Tests.Members;
using static Platform.Tests.Decoders.DecoderApi;

namespace Platform.Tests.Decoders;

[Collection(PlatformAppCollection.Name)]
public sealed class DecoderVersionTests(PlatformAppFixture fixture)
{
    private readonly TestTenantSeeder _seeder = new(fixture);

    [Fact]
    public async Task SharedTlvDecoderWithItsVectorsPassesAndActivates()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var decoder = IdOf(await CreateAsync(tenant.AdminHttp, tenant.TenantId));

        var created = await SendAsync(tenant.AdminHttp, HttpMethod.Post, tenant.Route($"/decoders/{decoder}/versions"), TlvVersion(),
            HttpStatusCode.Created);
        Assert.All(created["outcomes"]!.AsArray(), outcome => Assert.True(outcome!["passed"]!.GetValue<bool>(), outcome.ToJsonString()));

        var activated = await SendAsync(tenant.AdminHttp, HttpMethod.Post, tenant.Route($"/decoders/{decoder}/versions/1/activate"), null,
            HttpStatusCode.OK);
        Assert.Equal(1, activated["decoder"]!["activeVersion"]!.GetValue<int>());
        Assert.Null(activated["redecodeJob"]);
    }

    [Fact]
    public async Task SharedCayenneLppVectorsPassWithTheBuiltInCodecAndActivate()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var decoder = IdOf(await CreateAsync(tenant.AdminHttp, tenant.TenantId,
            new { codec = "CayenneLpp", vectors = Vectors("cayenne-lpp.vectors.json") }));

        var version = await SendAsync(tenant.AdminHttp, HttpMethod.Get, tenant.Route($"/decoders/{decoder}/versions/1"), null, HttpStatusCode.OK);
        Assert.Equal("CayenneLpp", version["codec"]!.GetValue<string>());
        Assert.Null(version["script"]);
        await SendAsync(tenant.AdminHttp, HttpMethod.Post, tenant.Route($"/decoders/{decoder}/versions/1/activate"), null, HttpStatusCode.OK);
    }

    [Fact]
    public async Task ScriptWithASyntaxErrorIsRefusedWithItsLineAndColumn()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var decoder = IdOf(await CreateAsync(tenant.AdminHttp, tenant.TenantId));

        var problem = await SendAsync(tenant.AdminHttp, HttpMethod.Post, tenant.Route($"/decoders/{decoder}/versions"),
            new { codec = "JavaScript", script = "function decodeUplink(input) {\n  return { data: { a: 1 } ;\n}", vectors = Array.Empty<object>() },
            HttpStatusCode.BadRequest);

        Assert.Equal(2, problem["line"]!.GetValue<int>());
        Assert.True(problem["column"]!.GetValue<int>() > 1);
        var error = problem["errors"]!.AsArray().Single()!;
        Assert.Equal("script", error["name"]!.GetValue<string>());
        Assert.Contains("line 2", error["reason"]!.GetValue<string>());
        // Nothing was numbered: the decoder has no version.
        var read = await SendAsync(tenant.AdminHttp, HttpMethod.Get, tenant.Route($"/decoders/{decoder}"), null, HttpStatusCode.OK);
        Assert.Equal(0, read["latestVersion"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"codec": "JavaScript", "script": "function decodeUplink(i) { return { data: {} }; }", "vectors": null}""", "vectors")]
    [InlineData("""{"codec": "JavaScript", "script": "function decodeUplink(i) { return { data: {} }; }", "vectors": [null]}""", "vectors[0]")]
    public async Task MissingVectorsAreAValidationError(string body, string field)
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var decoder = IdOf(await CreateAsync(tenant.AdminHttp, tenant.TenantId));

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await tenant.AdminHttp.PostAsync(tenant.Route($"/decoders/{decoder}/versions"), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Contains(problem["errors"]!.AsArray(), error => error!["name"]!.GetValue<string>() == field);
    }

    [Fact]
    public async Task VersionWithAFailingVectorIsKeptButNotActivated()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var decoder = await CreateActiveAsync(tenant.AdminHttp, tenant.TenantId);
        var vectors = Vectors("tlv-env-sensor.vectors.json");
        vectors.Add(new JsonObject
        {
            ["description"] = "deliberately wrong battery",
            ["fPort"] = 85,
            ["bytes"] = "017564",
            ["expected"] = new JsonObject { ["data"] = new JsonObject { ["battery"] = 99 } },
        });

        var created = await SendAsync(tenant.AdminHttp, HttpMethod.Post, tenant.Route($"/decoders/{decoder}/versions"),
            new { codec = "JavaScript", script = TlvScript, vectors }, HttpStatusCode.Created);
        var failed = created["outcomes"]!.AsArray().Single(outcome => !outcome!["passed"]!.GetValue<bool>())!;
        Assert.Equal("$.data.battery", failed["difference"]!["path"]!.GetValue<string>());
        Assert.Equal(100, failed["actual"]!["data"]!["battery"]!.GetValue<int>());

        var refused = await SendAsync(tenant.AdminHttp, HttpMethod.Post, tenant.Route($"/decoders/{decoder}/versions/2/activate"), null,
            HttpStatusCode.Conflict);
        Assert.Contains("deliberately wrong battery", refused["detail"]!.GetValue<string>());
        Assert.Equal("deliberately wrong battery", refused["failures"]!.AsArray().Single()!["description"]!.GetValue<string>());
        var read = await SendAsync(tenant.AdminHttp, HttpMethod.Get, tenant.Route($"/decoders/{decoder}"), null, HttpStatusCode.OK);
        Assert.Equal(1, read["activeVersion"]!.GetValue<int>());
        Assert.Equal(2, read["latestVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task VersionWithoutVectorsCannotBeActivated()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var decoder = IdOf(await CreateAsync(tenant.AdminHttp, tenant.TenantId,
            new { codec = "JavaScript", script = TlvScript, vectors = Array.Empty<object>() }));

        var refused = await SendAsync(tenant.AdminHttp, HttpMethod.Post, tenant.Route($"/decoders/{decoder}/versions/1/activate"), null,
            HttpStatusCode.Conflict);

        Assert.Contains("no test vectors", refused["title"]!.GetValue<string>());
        var read = await SendAsync(tenant.AdminHttp, HttpMethod.Get, tenant.Route($"/decoders/{decoder}"), null, HttpStatusCode.OK);
        Assert.Null(read["activeVersion"]);
    }

    [Fact]
    public async Task VectorBytesInBase64AreStoredAsLowercaseHex()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var vector = new { description = "battery", fPort = 85, bytes = Convert.ToBase64String([0x01, 0x75, 0x64]),
            expected = new { data = new { battery = 100 } } };
        var upper = new { description = "battery, hex", fPort = 85, bytes = "017564".ToUpperInvariant(),
            expected = new { data = new { battery = 100 } } };

        var created = await CreateAsync(tenant.AdminHttp, tenant.TenantId, new { codec = "JavaScript", script = TlvScript, vectors = new[] { vector, upper } });

        var stored = created["version"]!["version"]!["vectors"]!.AsArray();
        Assert.Equal(["017564", "017564"], stored.Select(v => v!["bytes"]!.GetValue<string>()));
        Assert.All(created["version"]!["outcomes"]!.AsArray(), outcome => Assert.True(outcome!["passed"]!.GetValue<bool>()));
    }

    [Theory]
    [InlineData("not base64 or hex!", "bytes")]
    [InlineData("017", "bytes")]
    public async Task InvalidVectorIsAFieldError(string bytes, string field)
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var decoder = IdOf(await CreateAsync(tenant.AdminHttp, tenant.TenantId));

        using var response = await tenant.AdminHttp.PostAsync(tenant.Route($"/decoders/{decoder}/versions"), System.Net.Http.Json.JsonContent.Create(
            new { codec = "JavaScript", script = TlvScript, vectors = new[] { new { description = "x", fPort = 85, bytes, expected = new { } } } }),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(await ProblemResponses.FieldsAsync(response), name => name.EndsWith(field, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExpectedThatIsNotAnObjectAndAPortOutOfRangeAreFieldErrors()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var decoder = IdOf(await CreateAsync(tenant.AdminHttp, tenant.TenantId));

        using var response = await tenant.AdminHttp.PostAsync(tenant.Route($"/decoders/{decoder}/versions"), System.Net.Http.Json.JsonContent.Create(
            new { codec = "JavaScript", script = TlvScript, vectors = new[] { new { description = "x", fPort = 256, bytes = "01", expected = new[] { 1 } } } }),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = await ProblemResponses.FieldsAsync(response);
        Assert.Contains(fields, name => name.EndsWith("expected", StringComparison.Ordinal));
        Assert.Contains(fields, name => name.EndsWith("fPort", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VersionsAreListedAndReadWithScriptAndVectors()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var decoder = await CreateActiveAsync(tenant.AdminHttp, tenant.TenantId);

        var page = await SendAsync(tenant.AdminHttp, HttpMethod.Get, tenant.Route($"/decoders/{decoder}/versions"), null, HttpStatusCode.OK);

        var version = page["items"]!.AsArray().Single()!;
        Assert.Equal(TlvScript, version["script"]!.GetValue<string>());
        Assert.Equal(Vectors("tlv-env-sensor.vectors.json").Count, version["vectors"]!.AsArray().Count);
        Assert.Null(page["nextCursor"]);
        await SendAsync(tenant.AdminHttp, HttpMethod.Get, tenant.Route($"/decoders/{decoder}/versions/2"), null, HttpStatusCode.NotFound);
    }
}
