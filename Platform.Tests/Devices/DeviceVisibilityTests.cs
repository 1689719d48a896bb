using System.Net;
using System.Net.Http.Json;
using Platform.Core.Devices;
using Platform.Core.Organizations;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Devices;

[Collection(PlatformAppCollection.Name)]
public sealed class DeviceVisibilityTests(PlatformAppFixture fixture)
{
    private readonly TestTenantSeeder _seeder = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ViewerWithAnOrganizationGrantSeesOnlyThatOrganizationsDevicesAndCannotChangeThem()
    {
        var (tenant, granted, hidden, admin, other) = await ArrangeAsync(TenantRole.Viewer);
        var visible = await DeviceApi.CreateAsync(admin, tenant, granted);
        var invisible = await DeviceApi.CreateAsync(admin, tenant, hidden);
        await _seeder.GrantOrganizationAsync(tenant, granted, other.Id, OrganizationAccess.Editor);

        Assert.Equal([visible], await DeviceApi.ListIdsAsync(other.Http, tenant));
        Assert.Empty(await DeviceApi.ListIdsAsync(other.Http, tenant, $"?organizationId={hidden}"));
        Assert.Equal(HttpStatusCode.OK, (await other.Http.GetAsync(Route(tenant, visible), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(Route(tenant, invisible), Ct)).StatusCode);
        // An Editor grant is capped to reading for a Viewer member.
        using var patch = await other.Http.PatchAsJsonAsync(Route(tenant, visible), new { name = "renamed" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
    }

    [Fact]
    public async Task DeviceGrantShowsExactlyThatDevice()
    {
        var (tenant, organization, _, admin, other) = await ArrangeAsync(TenantRole.Member);
        var granted = await DeviceApi.CreateAsync(admin, tenant, organization);
        var sibling = await DeviceApi.CreateAsync(admin, tenant, organization);
        Assert.Equal(HttpStatusCode.OK, await DeviceApi.GrantAsync(admin, tenant, granted, other.Id, nameof(DeviceAccess.Read)));

        Assert.Equal([granted], await DeviceApi.ListIdsAsync(other.Http, tenant));
        Assert.Equal(HttpStatusCode.OK, (await other.Http.GetAsync(Route(tenant, granted), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(Route(tenant, sibling), Ct)).StatusCode);
        using var patch = await other.Http.PatchAsJsonAsync(Route(tenant, granted), new { name = "renamed" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
    }

    [Fact]
    public async Task WriteDeviceGrantRenamesButCannotDeleteOrManageGrants()
    {
        var (tenant, organization, _, admin, other) = await ArrangeAsync(TenantRole.Member);
        var device = await DeviceApi.CreateAsync(admin, tenant, organization);
        Assert.Equal(HttpStatusCode.OK, await DeviceApi.GrantAsync(admin, tenant, device, other.Id, nameof(DeviceAccess.Write)));

        using var patch = await other.Http.PatchAsJsonAsync(Route(tenant, device), new { name = "renamed" }, Ct);
        using var delete = await other.Http.DeleteAsync(Route(tenant, device), Ct);
        using var grants = await other.Http.GetAsync(Route(tenant, device) + "/grants", Ct);

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, grants.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.Http.GetAsync(Route(tenant, device), Ct)).StatusCode);
    }

    [Fact]
    public async Task EditorCreatesDevicesOnlyInOrganizationsTheyEdit()
    {
        var (tenant, edited, hidden, admin, other) = await ArrangeAsync(TenantRole.Member);
        var viewed = await _seeder.CreateOrganizationAsync(tenant);
        await _seeder.GrantOrganizationAsync(tenant, edited, other.Id, OrganizationAccess.Editor);
        await _seeder.GrantOrganizationAsync(tenant, viewed, other.Id, OrganizationAccess.Viewer);
        var devices = $"/api/tenants/{tenant}/devices";

        using var inEdited = await other.Http.PostAsJsonAsync(devices, DeviceApi.Body(edited), Ct);
        using var inHidden = await other.Http.PostAsJsonAsync(devices, DeviceApi.Body(hidden), Ct);
        using var inViewed = await other.Http.PostAsJsonAsync(devices, DeviceApi.Body(viewed), Ct);

        Assert.Equal(HttpStatusCode.Created, inEdited.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, inHidden.StatusCode);
        Assert.Contains("organizationId", await ProblemResponses.FieldsAsync(inHidden), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Forbidden, inViewed.StatusCode);
        Assert.Single(await DeviceApi.ListIdsAsync(admin, tenant));
    }

    [Fact]
    public async Task MovingADeviceNeedsTheRightToCreateDevicesInTheTarget()
    {
        var (tenant, edited, hidden, admin, other) = await ArrangeAsync(TenantRole.Member);
        var alsoEdited = await _seeder.CreateOrganizationAsync(tenant);
        await _seeder.GrantOrganizationAsync(tenant, edited, other.Id, OrganizationAccess.Editor);
        await _seeder.GrantOrganizationAsync(tenant, alsoEdited, other.Id, OrganizationAccess.Editor);
        var device = await DeviceApi.CreateAsync(admin, tenant, edited);

        using var toHidden = await other.Http.PatchAsJsonAsync(Route(tenant, device), new { organizationId = hidden }, Ct);
        using var toEdited = await other.Http.PatchAsJsonAsync(Route(tenant, device), new { organizationId = alsoEdited }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, toHidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, toEdited.StatusCode);
        Assert.Equal([device], await DeviceApi.ListIdsAsync(admin, tenant, $"?organizationId={alsoEdited}"));
    }

    private static string Route(Guid tenant, Guid device) => $"/api/tenants/{tenant}/devices/{device}";

    private async Task<(Guid Tenant, Guid First, Guid Second, HttpClient Admin, Session Other)> ArrangeAsync(TenantRole otherRole)
    {
        var (owner, other) = await DeviceUsers.CreateAsync(fixture);
        var tenant = await _seeder.CreateTenantAsync();
        await _seeder.AddMemberAsync(tenant, owner.Id, TenantRole.Admin);
        await _seeder.AddMemberAsync(tenant, other.Id, otherRole);
        return (tenant, await _seeder.CreateOrganizationAsync(tenant), await _seeder.CreateOrganizationAsync(tenant), owner.Http, other);
    }
}
