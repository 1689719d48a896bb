using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Organizations;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Organizations;

[Collection(PlatformAppCollection.Name)]
public sealed class OrganizationEndpointsTests(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TenantAdminCreatesRenamesAndDeletesOrganizations()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        using var admin = await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Admin));

        using var created = await admin.PostAsJsonAsync($"/api/tenants/{tenant}/organizations", new { name = "North site" }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<Guid>();
        using var duplicate = await admin.PostAsJsonAsync($"/api/tenants/{tenant}/organizations", new { name = "North site" }, Ct);
        using var renamed = await admin.PatchAsJsonAsync($"/api/tenants/{tenant}/organizations/{id}", new { name = "North" }, Ct);
        using var deleted = await admin.DeleteAsync($"/api/tenants/{tenant}/organizations/{id}", Ct);
        using var gone = await admin.GetAsync($"/api/tenants/{tenant}/organizations/{id}", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task ViewerGrantedOneOrganizationSeesOnlyThatOneAndCannotChangeIt()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        var granted = await seeder.CreateOrganizationAsync(tenant);
        var hidden = await seeder.CreateOrganizationAsync(tenant);
        var viewer = await seeder.CreateUserAsync(tenant, TenantRole.Viewer);
        await seeder.GrantOrganizationAsync(tenant, granted, viewer.Id, OrganizationAccess.Manager);
        using var http = await seeder.LoginAsync(viewer);

        var page = await http.GetFromJsonAsync<JsonObject>($"/api/tenants/{tenant}/organizations", Ct);
        using var hiddenOne = await http.GetAsync($"/api/tenants/{tenant}/organizations/{hidden}", Ct);
        using var rename = await http.PatchAsJsonAsync($"/api/tenants/{tenant}/organizations/{granted}", new { name = "Mine now" }, Ct);
        using var create = await http.PostAsJsonAsync($"/api/tenants/{tenant}/organizations", new { name = "New" }, Ct);

        Assert.Equal([granted], page!["items"]!.AsArray().Select(item => item!["id"]!.GetValue<Guid>()));
        Assert.Equal(HttpStatusCode.NotFound, hiddenOne.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, rename.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task BadInputIsRefusedNamingTheFieldAndWritesNothing()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        using var admin = await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Admin));

        using var tooLong = await admin.PostAsJsonAsync($"/api/tenants/{tenant}/organizations", new { name = new string('x', 201) }, Ct);
        using var unknown = await admin.PostAsJsonAsync($"/api/tenants/{tenant}/organizations", new { name = "Ok", colour = "red" }, Ct);
        using var malformed = await admin.PostAsync($"/api/tenants/{tenant}/organizations",
            new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json"), Ct);
        var page = await admin.GetFromJsonAsync<JsonObject>($"/api/tenants/{tenant}/organizations", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("name", (await tooLong.Content.ReadAsStringAsync(Ct)).ToLowerInvariant());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Empty(page!["items"]!.AsArray());
    }
}
