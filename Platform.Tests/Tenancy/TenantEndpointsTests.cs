using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Tenancy;

[Collection(PlatformAppCollection.Name)]
public sealed class TenantEndpointsTests(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlatformAdminCreatesTenantsAndOthersCannot()
    {
        var seeder = new TestTenantSeeder(fixture);
        using var admin = await seeder.LoginAsPlatformAdminAsync();
        using var nobody = await seeder.LoginAsync(await seeder.CreateUserAsync());
        var slug = "acme-" + Guid.NewGuid().ToString("N")[..8];

        using var created = await admin.PostAsJsonAsync("/api/tenants", new { slug, name = "Acme Water" }, Ct);
        using var duplicate = await admin.PostAsJsonAsync("/api/tenants", new { slug, name = "Acme again" }, Ct);
        using var refused = await nobody.PostAsJsonAsync("/api/tenants", new { slug = slug + "-x", name = "Mine" }, Ct);
        using var badSlug = await admin.PostAsJsonAsync("/api/tenants", new { slug = "Not A Slug", name = "Bad" }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badSlug.StatusCode);
        Assert.Contains("slug", await ProblemResponses.FieldsAsync(badSlug), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task MembersReadTheirTenantAndOnlyPlatformAdminsChangeIt()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        using var member = await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Admin));
        using var outsider = await seeder.LoginAsync(await seeder.CreateUserAsync());
        using var platformAdmin = await seeder.LoginAsPlatformAdminAsync();

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/tenants/{tenant}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/tenants/{tenant}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PatchAsJsonAsync($"/api/tenants/{tenant}", new { name = "Renamed" }, Ct)).StatusCode);
        using var renamed = await platformAdmin.PatchAsJsonAsync($"/api/tenants/{tenant}", new { name = "Renamed", status = "Suspended" }, Ct);
        var body = await renamed.Content.ReadFromJsonAsync<JsonObject>(Ct);

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Renamed", body!["name"]!.GetValue<string>());
        Assert.Equal("Suspended", body["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task TenantListShowsMembersOnlyTheirOwnTenants()
    {
        var seeder = new TestTenantSeeder(fixture);
        var mine = await seeder.CreateTenantAsync();
        var other = await seeder.CreateTenantAsync();
        using var member = await seeder.LoginAsync(await seeder.CreateUserAsync(mine, TenantRole.Viewer));

        var page = await member.GetFromJsonAsync<JsonObject>("/api/tenants", Ct);
        var ids = page!["items"]!.AsArray().Select(item => item!["id"]!.GetValue<Guid>()).ToList();

        Assert.Equal([mine], ids);
        Assert.DoesNotContain(other, ids);
    }

    [Fact]
    public async Task PlatformAdminSetsTenantSettings()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        using var admin = await seeder.LoginAsPlatformAdminAsync();

        using var response = await admin.PatchAsJsonAsync($"/api/tenants/{tenant}", new { settings = new { requireMfa = true } }, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body!["settings"]!["requireMfa"]!.GetValue<bool>());
    }

    [Fact]
    public async Task APlatformAdminWhoIsAlsoAMemberStillManagesTheTenantRecord()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        using var admin = await seeder.LoginAsPlatformAdminAsync();
        var me = await admin.GetFromJsonAsync<JsonObject>("/api/me", Ct);
        await seeder.AddMemberAsync(tenant, me!["id"]!.GetValue<Guid>(), TenantRole.Viewer);

        using var response = await admin.PatchAsJsonAsync($"/api/tenants/{tenant}", new { name = "Renamed by a member admin" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task MembersOfASuspendedTenantAreTurnedAwayUntilItIsReactivated()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        using var member = await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Admin));
        using var platformAdmin = await seeder.LoginAsPlatformAdminAsync();

        (await platformAdmin.PatchAsJsonAsync($"/api/tenants/{tenant}", new { status = "Suspended" }, Ct)).EnsureSuccessStatusCode();
        using var whileSuspended = await member.GetAsync($"/api/tenants/{tenant}/organizations", Ct);
        (await platformAdmin.PatchAsJsonAsync($"/api/tenants/{tenant}", new { status = "Active" }, Ct)).EnsureSuccessStatusCode();
        using var afterwards = await member.GetAsync($"/api/tenants/{tenant}/organizations", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, whileSuspended.StatusCode);
        Assert.Contains("tenant-suspended", await whileSuspended.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }
}
