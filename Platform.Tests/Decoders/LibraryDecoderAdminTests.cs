using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;
using Platform.Tests.Members;
using static Platform.Tests.Decoders.DecoderApi;

namespace Platform.Tests.Decoders;

[Collection(PlatformAppCollection.Name)]
public sealed class LibraryDecoderAdminTests(PlatformAppFixture fixture)
{
    private readonly TestTenantSeeder _seeder = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlatformAdminBuildsALibraryDecoderAuditedOnThePlatformChain()
    {
        using var admin = await _seeder.LoginAsPlatformAdminAsync();
        var name = UniqueName("Library");

        var created = await SendAsync(admin, HttpMethod.Post, "/api/admin/decoders", new { name }, HttpStatusCode.Created);
        var id = IdOf(created);
        Assert.True(created["decoder"]!["isLibrary"]!.GetValue<bool>());
        await SendAsync(admin, HttpMethod.Post, "/api/admin/decoders", new { name }, HttpStatusCode.Conflict);
        await SendAsync(admin, HttpMethod.Post, $"/api/admin/decoders/{id}/versions",
            new { codec = "JavaScript", script = "function decodeUplink(input) { return {", vectors = Array.Empty<object>() }, HttpStatusCode.BadRequest);
        await SendAsync(admin, HttpMethod.Post, $"/api/admin/decoders/{id}/versions", TlvVersion(), HttpStatusCode.Created);
        var activated = await SendAsync(admin, HttpMethod.Post, $"/api/admin/decoders/{id}/versions/1/activate", null, HttpStatusCode.OK);
        Assert.Equal(1, activated["decoder"]!["activeVersion"]!.GetValue<int>());

        var list = await SendAsync(admin, HttpMethod.Get, "/api/admin/decoders?limit=500", null, HttpStatusCode.OK);
        Assert.Contains(list["items"]!.AsArray(), item => item!["id"]!.GetValue<Guid>() == id);
        foreach (var action in new[] { "decoder.created", "decoder.version-created", "decoder.version-activated", "admin.decoders.read" })
        {
            var events = await admin.GetFromJsonAsync<JsonObject>($"/api/admin/audit?action={action}&limit=500", Ct);
            Assert.Contains(events!["items"]!.AsArray(), e => action == "admin.decoders.read" || e!["targetId"]!.GetValue<string>() == id.ToString());
        }
    }

    [Fact]
    public async Task TenantAdminGetsForbiddenOnEveryLibraryAdminRoute()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var library = await LibraryDecoders.CreateAsync(_seeder);
        using var member = await _seeder.LoginAsync(await _seeder.CreateUserAsync(tenant.TenantId, TenantRole.Member));

        foreach (var http in new[] { tenant.AdminHttp, member })
        {
            await SendAsync(http, HttpMethod.Get, "/api/admin/decoders", null, HttpStatusCode.Forbidden);
            await SendAsync(http, HttpMethod.Post, "/api/admin/decoders", new { name = UniqueName() }, HttpStatusCode.Forbidden);
            await SendAsync(http, HttpMethod.Post, $"/api/admin/decoders/{library}/versions", TlvVersion(), HttpStatusCode.Forbidden);
            await SendAsync(http, HttpMethod.Post, $"/api/admin/decoders/{library}/versions/1/activate", null, HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task AdminLibraryRoutesDoNotReachTenantDecoders()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var decoder = await CreateActiveAsync(tenant.AdminHttp, tenant.TenantId);
        using var admin = await _seeder.LoginAsPlatformAdminAsync();

        await SendAsync(admin, HttpMethod.Post, $"/api/admin/decoders/{decoder}/versions", TlvVersion(), HttpStatusCode.NotFound);
        await SendAsync(admin, HttpMethod.Post, $"/api/admin/decoders/{decoder}/versions/1/activate", null, HttpStatusCode.NotFound);
    }
}
