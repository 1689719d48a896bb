using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;
using Platform.Tests.Infrastructure;
using Platform.Tests.Members;
using static Platform.Tests.Decoders.DecoderApi;

namespace Platform.Tests.Decoders;

/// <summary>
/// What a new version may leave out and how large its script may be: every script size around the
/// limit (a vendor's 321 KB tracker decoder among them), with the codec given and left out, and the
/// legacy entry points through the API.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class DecoderVersionInputTests(PlatformAppFixture fixture)
{
    private const int OneMebibyte = 1024 * 1024;

    private readonly TestTenantSeeder _seeder = new(fixture);

    /// <summary>Script lengths just under, at and over each limit there has been, each with and without a codec.</summary>
    public static TheoryData<int, bool> ScriptSizes()
    {
        int[] sizes = [256 * 1024 + 1, 321 * 1000, OneMebibyte, OneMebibyte + 1];
        var data = new TheoryData<int, bool>();
        foreach (var size in sizes)
        {
            data.Add(size, true);
            data.Add(size, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ScriptSizes))]
    public async Task AScriptUpToOneMebibyteIsAJavaScriptVersionWhetherOrNotTheCodecIsGiven(int length, bool withCodec)
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var decoder = IdOf(await CreateAsync(tenant.AdminHttp, tenant.TenantId));
        var padding = "\n// " + new string('x', length);
        var script = TlvScript + padding[..(length - TlvScript.Length)];
        object body = withCodec
            ? new { codec = "JavaScript", script, vectors = Vectors("tlv-env-sensor.vectors.json") }
            : new { script, vectors = Vectors("tlv-env-sensor.vectors.json") };

        using var response = await tenant.AdminHttp.PostAsync(tenant.Route($"/decoders/{decoder}/versions"), JsonContent.Create(body),
            TestContext.Current.CancellationToken);

        if (length > OneMebibyte)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("script", await ProblemResponses.FieldsAsync(response));
            return;
        }
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var version = await SendAsync(tenant.AdminHttp, HttpMethod.Get, tenant.Route($"/decoders/{decoder}/versions/1"), null, HttpStatusCode.OK);
        Assert.Equal("JavaScript", version["codec"]!.GetValue<string>());
        Assert.Equal(script, version["script"]!.GetValue<string>());
    }

    [Fact]
    public async Task AVersionWithNeitherCodecNorScriptIsAskedForACodecOnly()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var decoder = IdOf(await CreateAsync(tenant.AdminHttp, tenant.TenantId));

        var problem = await SendAsync(tenant.AdminHttp, HttpMethod.Post, tenant.Route($"/decoders/{decoder}/versions"),
            new { vectors = Array.Empty<object>() }, HttpStatusCode.BadRequest);

        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal("codec", error["name"]!.GetValue<string>());
        Assert.DoesNotContain("takes no script", error["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AScriptWithOnlyALegacyDecoderFunctionPassesItsVectorsAndActivates()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var decoder = IdOf(await CreateAsync(tenant.AdminHttp, tenant.TenantId));
        var script = TlvScript.Replace("function decodeUplink(input)", "function decodeExample(input)", StringComparison.Ordinal)
            + "\nfunction Decoder(bytes, port) { return decodeExample({ bytes: bytes, fPort: port }).data; }\n";
        var vectors = Vectors("tlv-env-sensor.vectors.json").Where(vector => vector!["expected"]!["data"] is not null)
            .Select(vector => vector!.DeepClone()).ToArray();

        var created = await SendAsync(tenant.AdminHttp, HttpMethod.Post, tenant.Route($"/decoders/{decoder}/versions"),
            new { script, vectors }, HttpStatusCode.Created);

        Assert.All(created["outcomes"]!.AsArray(), outcome => Assert.True(outcome!["passed"]!.GetValue<bool>(), outcome.ToJsonString()));
        await SendAsync(tenant.AdminHttp, HttpMethod.Post, tenant.Route($"/decoders/{decoder}/versions/1/activate"), null, HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/tenants/{tenantId}/decoders/{decoderId}/versions")]
    [InlineData("/api/admin/decoders/{decoderId}/versions")]
    public async Task TheOpenApiDocumentMarksWhatAVersionRequiresAndNoCodec(string route)
    {
        using var http = fixture.App.CreateHttpClient("platform-api", "http");
        var document = (await http.GetFromJsonAsync<JsonObject>("/openapi/v1.json", TestContext.Current.CancellationToken))!;
        var body = Schema(document, document["paths"]![route]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!);

        Assert.DoesNotContain("codec", body.Required);
        var vector = Schema(document, body.Properties["vectors"]!["items"]!);
        Assert.Superset(new HashSet<string> { "description", "bytes", "expected" }, vector.Required);
    }

    private sealed record ResolvedSchema(HashSet<string> Required, Dictionary<string, JsonNode?> Properties);

    // Follows $ref and allOf (NSwag describes a request class that extends another with allOf).
    private static ResolvedSchema Schema(JsonObject document, JsonNode schema)
    {
        var resolved = new ResolvedSchema([], []);
        Collect(document, schema, resolved, depth: 0);
        return resolved;
    }

    private static void Collect(JsonObject document, JsonNode schema, ResolvedSchema into, int depth)
    {
        Assert.True(depth < 10, "schema references nest too deeply");
        if (schema["$ref"] is { } reference)
        {
            var name = reference.GetValue<string>().Split('/')[^1];
            Collect(document, document["components"]!["schemas"]![name]!, into, depth + 1);
        }
        foreach (var part in schema["allOf"]?.AsArray() ?? [])
        {
            Collect(document, part!, into, depth + 1);
        }
        foreach (var required in schema["required"]?.AsArray() ?? [])
        {
            into.Required.Add(required!.GetValue<string>());
        }
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            into.Properties[name] = property;
        }
    }
}
