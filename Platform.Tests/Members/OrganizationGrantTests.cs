using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Organizations;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Members;

[Collection(PlatformAppCollection.Name)]
public sealed class OrganizationGrantTests(PlatformAppFixture fixture)
{
    private readonly TestTenantSeeder _seeder = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GrantedMemberSeesTheOrganizationUntilTheGrantIsRemoved()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var organization = await _seeder.CreateOrganizationAsync(tenant.TenantId);
        var member = await _seeder.CreateUserAsync(tenant.TenantId, TenantRole.Member);
        using var memberHttp = await _seeder.LoginAsync(member);
        var grant = tenant.Route($"/organizations/{organization}/grants/{member.Id}");

        using var put = await tenant.AdminHttp.PutAsJsonAsync(grant, new { access = "Viewer", canExport = false }, Ct);
        var seenWithGrant = await OrganizationIdsAsync(memberHttp, tenant);
        var read = await tenant.AdminHttp.GetFromJsonAsync<JsonObject>(grant, Ct);
        using var removed = await tenant.AdminHttp.DeleteAsync(grant, Ct);
        var seenWithout = await OrganizationIdsAsync(memberHttp, tenant);
        using var removedAgain = await tenant.AdminHttp.DeleteAsync(grant, Ct);

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Contains(organization, seenWithGrant);
        Assert.Equal("Viewer", read!["access"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.DoesNotContain(organization, seenWithout);
        Assert.Equal(HttpStatusCode.NotFound, removedAgain.StatusCode);
    }

    [Fact]
    public async Task ManagerGrantManagesTheGrantsOfThatOrganization()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var organization = await _seeder.CreateOrganizationAsync(tenant.TenantId);
        var manager = await _seeder.CreateUserAsync(tenant.TenantId, TenantRole.Member);
        var colleague = await _seeder.CreateUserAsync(tenant.TenantId, TenantRole.Member);
        await _seeder.GrantOrganizationAsync(tenant.TenantId, organization, manager.Id, OrganizationAccess.Manager);
        using var http = await _seeder.LoginAsync(manager);
        var grants = tenant.Route($"/organizations/{organization}/grants");

        using var given = await http.PutAsJsonAsync($"{grants}/{colleague.Id}", new { access = "Editor", canExport = false }, Ct);
        using var changed = await http.PutAsJsonAsync($"{grants}/{colleague.Id}", new { access = "Viewer", canExport = false }, Ct);
        var listed = await http.GetFromJsonAsync<JsonObject>(grants, Ct);
        using var ownRaise = await http.PutAsJsonAsync($"{grants}/{manager.Id}", new { access = "Manager", canExport = true }, Ct);

        Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(2, listed!["items"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.Forbidden, ownRaise.StatusCode);
    }

    [Fact]
    public async Task ViewerGrantIsForbiddenAndNoGrantFindsNothing()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var organization = await _seeder.CreateOrganizationAsync(tenant.TenantId);
        var viewer = await _seeder.CreateUserAsync(tenant.TenantId, TenantRole.Member);
        var outsider = await _seeder.CreateUserAsync(tenant.TenantId, TenantRole.Member);
        await _seeder.GrantOrganizationAsync(tenant.TenantId, organization, viewer.Id, OrganizationAccess.Viewer);
        var grants = tenant.Route($"/organizations/{organization}/grants");
        using var viewerHttp = await _seeder.LoginAsync(viewer);
        using var outsiderHttp = await _seeder.LoginAsync(outsider);

        using var viewerList = await viewerHttp.GetAsync(grants, Ct);
        using var viewerPut = await viewerHttp.PutAsJsonAsync($"{grants}/{outsider.Id}", new { access = "Viewer", canExport = false }, Ct);
        using var outsiderList = await outsiderHttp.GetAsync(grants, Ct);
        using var outsiderDelete = await outsiderHttp.DeleteAsync($"{grants}/{viewer.Id}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, viewerList.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerPut.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outsiderList.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outsiderDelete.StatusCode);
    }

    [Fact]
    public async Task OnlyMembersCanBeGranted()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var organization = await _seeder.CreateOrganizationAsync(tenant.TenantId);
        var stranger = await _seeder.CreateUserAsync();

        using var response = await tenant.AdminHttp.PutAsJsonAsync(
            tenant.Route($"/organizations/{organization}/grants/{stranger.Id}"), new { access = "Viewer", canExport = false }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("userId", await ProblemResponses.FieldsAsync(response), StringComparer.OrdinalIgnoreCase);
    }

    private static async Task<IReadOnlyList<Guid>> OrganizationIdsAsync(HttpClient http, TenantAdminScenario tenant)
    {
        var page = await http.GetFromJsonAsync<JsonObject>(tenant.Route("/organizations"), Ct);
        return page!["items"]!.AsArray().Select(item => item!["id"]!.GetValue<Guid>()).ToList();
    }
}
