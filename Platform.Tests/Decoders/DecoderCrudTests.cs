using System.Net;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using Platform.Tests.Members;
using static Platform.Tests.Decoders.DecoderApi;

namespace Platform.Tests.Decoders;

[Collection(PlatformAppCollection.Name)]
public sealed class DecoderCrudTests(PlatformAppFixture fixture)
{
    private readonly TestTenantSeeder _seeder = new(fixture);

    [Fact]
    public async Task DecoderIsCreatedReadRenamedListedAndDeleted()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var http = tenant.AdminHttp;
        var name = UniqueName();

        var created = await CreateAsync(http, tenant.TenantId, name: name);
        var id = IdOf(created);
        Assert.Null(created["version"]);
        var read = await SendAsync(http, HttpMethod.Get, tenant.Route($"/decoders/{id}"), null, HttpStatusCode.OK);
        Assert.Equal(name, read["name"]!.GetValue<string>());
        Assert.False(read["isLibrary"]!.GetValue<bool>());
        Assert.Null(read["activeVersion"]);
        Assert.Equal(0, read["latestVersion"]!.GetValue<int>());
        Assert.Equal(0, read["assignedDevices"]!.GetValue<int>());

        var renamed = await SendAsync(http, HttpMethod.Patch, tenant.Route($"/decoders/{id}"),
            new { name = name + " renamed", description = "New words" }, HttpStatusCode.OK);
        Assert.Equal(name + " renamed", renamed["name"]!.GetValue<string>());
        Assert.Equal("New words", renamed["description"]!.GetValue<string>());

        var list = await SendAsync(http, HttpMethod.Get, tenant.Route("/decoders?limit=500"), null, HttpStatusCode.OK);
        Assert.Contains(list["items"]!.AsArray(), item => item!["id"]!.GetValue<Guid>() == id);

        await SendAsync(http, HttpMethod.Delete, tenant.Route($"/decoders/{id}"), null, HttpStatusCode.NoContent);
        await SendAsync(http, HttpMethod.Get, tenant.Route($"/decoders/{id}"), null, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreatingWithAVersionReturnsVersionOneAndItsVectorOutcomes()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);

        var created = await CreateAsync(tenant.AdminHttp, tenant.TenantId, TlvVersion());

        Assert.Equal(1, created["decoder"]!["latestVersion"]!.GetValue<int>());
        Assert.Equal(1, created["version"]!["version"]!["version"]!.GetValue<int>());
        var outcomes = created["version"]!["outcomes"]!.AsArray();
        Assert.Equal(Vectors("tlv-env-sensor.vectors.json").Count, outcomes.Count);
        Assert.All(outcomes, outcome => Assert.True(outcome!["passed"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task SecondDecoderWithTheSameNameInTheTenantIsAConflict()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var name = UniqueName();
        await CreateAsync(tenant.AdminHttp, tenant.TenantId, name: name);
        var other = await CreateAsync(tenant.AdminHttp, tenant.TenantId);

        await SendAsync(tenant.AdminHttp, HttpMethod.Post, tenant.Route("/decoders"), new { name }, HttpStatusCode.Conflict);
        await SendAsync(tenant.AdminHttp, HttpMethod.Patch, tenant.Route($"/decoders/{IdOf(other)}"), new { name }, HttpStatusCode.Conflict);

        // Names are per tenant: another tenant may use it.
        var second = await TenantAdminScenario.CreateAsync(_seeder);
        await CreateAsync(second.AdminHttp, second.TenantId, name: name);
    }

    [Fact]
    public async Task DecoderWithAnAssignedDeviceCannotBeDeletedUntilTheDeviceLetsGo()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var http = tenant.AdminHttp;
        var decoder = IdOf(await CreateAsync(http, tenant.TenantId));
        var device = await CreateDeviceAsync(tenant, decoder);

        var refused = await SendAsync(http, HttpMethod.Delete, tenant.Route($"/decoders/{decoder}"), null, HttpStatusCode.Conflict);
        Assert.Contains("assign them another decoder", refused["title"]!.GetValue<string>());
        Assert.Equal(1, refused["assignedDevices"]!.GetValue<int>());
        Assert.Equal(1, (await SendAsync(http, HttpMethod.Get, tenant.Route($"/decoders/{decoder}"), null, HttpStatusCode.OK))
            ["assignedDevices"]!.GetValue<int>());

        var unassigned = await SendAsync(http, HttpMethod.Patch, tenant.Route($"/devices/{device}"), new { decoderId = (Guid?)null },
            HttpStatusCode.OK);
        Assert.Null(unassigned["decoderId"]);
        await SendAsync(http, HttpMethod.Delete, tenant.Route($"/decoders/{decoder}"), null, HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task DeviceTakesTheTenantsOwnOrALibraryDecoderAndVariables()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var http = tenant.AdminHttp;
        var own = IdOf(await CreateAsync(http, tenant.TenantId));
        var library = await LibraryDecoders.CreateAsync(_seeder);

        var device = await CreateDeviceAsync(tenant, own, new Dictionary<string, string> { ["offset"] = "1.5" });
        var read = await SendAsync(http, HttpMethod.Get, tenant.Route($"/devices/{device}"), null, HttpStatusCode.OK);
        Assert.Equal(own, read["decoderId"]!.GetValue<Guid>());
        Assert.Equal("1.5", read["variables"]!["offset"]!.GetValue<string>());

        var moved = await SendAsync(http, HttpMethod.Patch, tenant.Route($"/devices/{device}"), new { decoderId = library }, HttpStatusCode.OK);
        Assert.Equal(library, moved["decoderId"]!.GetValue<Guid>());
        // A PATCH without decoderId leaves the decoder alone.
        var renamed = await SendAsync(http, HttpMethod.Patch, tenant.Route($"/devices/{device}"), new { name = "Renamed" }, HttpStatusCode.OK);
        Assert.Equal(library, renamed["decoderId"]!.GetValue<Guid>());
        Assert.Equal("1.5", renamed["variables"]!["offset"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeviceCannotTakeAnUnknownDecoderOrAMalformedDecoderId()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var organization = await _seeder.CreateOrganizationAsync(tenant.TenantId);

        using var created = await tenant.AdminHttp.PostAsync(tenant.Route("/devices"),
            System.Net.Http.Json.JsonContent.Create(DeviceBody(organization, Guid.NewGuid())),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Equal(["decoderId"], await ProblemResponses.FieldsAsync(created));

        var device = await _seeder.CreateDeviceAsync(tenant.TenantId, organization);
        using var patched = await tenant.AdminHttp.PatchAsync(tenant.Route($"/devices/{device}"),
            System.Net.Http.Json.JsonContent.Create(new { decoderId = 42 }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, patched.StatusCode);
        Assert.Equal(["decoderId"], await ProblemResponses.FieldsAsync(patched));
    }

    private async Task<Guid> CreateDeviceAsync(TenantAdminScenario tenant, Guid decoderId, Dictionary<string, string>? variables = null)
    {
        var organization = await _seeder.CreateOrganizationAsync(tenant.TenantId);
        var created = await SendAsync(tenant.AdminHttp, HttpMethod.Post, tenant.Route("/devices"), DeviceBody(organization, decoderId, variables),
            HttpStatusCode.Created);
        Assert.Equal(decoderId, created["decoderId"]!.GetValue<Guid>());
        return created["id"]!.GetValue<Guid>();
    }

    private static JsonObject DeviceBody(Guid organization, Guid decoderId, Dictionary<string, string>? variables = null)
    {
        var body = (JsonObject)System.Text.Json.JsonSerializer.SerializeToNode(Devices.DeviceApi.Body(organization))!;
        body["decoderId"] = decoderId;
        body["variables"] = System.Text.Json.JsonSerializer.SerializeToNode(variables ?? []);
        return body;
    }
}
