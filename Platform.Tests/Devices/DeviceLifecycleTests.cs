using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Devices;

[Collection(PlatformAppCollection.Name)]
public sealed class DeviceLifecycleTests(PlatformAppFixture fixture)
{
    private readonly TestTenantSeeder _seeder = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TenantAdminCreatesReadsChangesMovesAndDeletesADevice()
    {
        var tenant = await _seeder.CreateTenantAsync();
        var first = await _seeder.CreateOrganizationAsync(tenant);
        var second = await _seeder.CreateOrganizationAsync(tenant);
        var admin = await AdminOfAsync(tenant);
        var devices = $"/api/tenants/{tenant}/devices";

        using var created = await admin.PostAsJsonAsync(devices, DeviceApi.Body(first, "70:B3:D5:7E:D0:05:A1:B2", "Boiler room"), Ct);
        var device = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        var id = device["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.EndsWith($"{devices}/{id}", created.Headers.Location!.ToString());
        Assert.Equal("70b3d57ed005a1b2", device["devEui"]!.GetValue<string>());
        Assert.Equal("ChirpStack", device["networkServer"]!["kind"]!.GetValue<string>());
        Assert.Equal("B12", device["tags"]!["room"]!.GetValue<string>());

        var read = await admin.GetFromJsonAsync<JsonObject>($"{devices}/{id}", Ct);
        Assert.Equal("Boiler room", read!["name"]!.GetValue<string>());
        Assert.Equal(first, read["organizationId"]!.GetValue<Guid>());
        Assert.Contains(id, await DeviceApi.ListIdsAsync(admin, tenant, $"?organizationId={first}"));
        Assert.DoesNotContain(id, await DeviceApi.ListIdsAsync(admin, tenant, $"?organizationId={second}"));

        var boilers = "boilers-" + Guid.NewGuid().ToString("N")[..8] + "@acme";
        using var patched = await admin.PatchAsJsonAsync($"{devices}/{id}", new
        {
            name = "Boiler room 2",
            tags = new Dictionary<string, string> { ["floor"] = "-1" },
            networkServer = new { kind = "TheThingsStack", applicationId = boilers },
            organizationId = second,
        }, Ct);
        var changed = (await patched.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Boiler room 2", changed["name"]!.GetValue<string>());
        Assert.Equal(second, changed["organizationId"]!.GetValue<Guid>());
        Assert.Equal(boilers, changed["networkServer"]!["applicationId"]!.GetValue<string>());
        Assert.Equal("-1", changed["tags"]!["floor"]!.GetValue<string>());
        Assert.Contains(id, await DeviceApi.ListIdsAsync(admin, tenant, $"?organizationId={second}"));

        using var deleted = await admin.DeleteAsync($"{devices}/{id}", Ct);
        using var gone = await admin.GetAsync($"{devices}/{id}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.DoesNotContain(id, await DeviceApi.ListIdsAsync(admin, tenant));
    }

    [Fact]
    public async Task TenantAdminGivesChangesAndRemovesADeviceGrant()
    {
        var tenant = await _seeder.CreateTenantAsync();
        var organization = await _seeder.CreateOrganizationAsync(tenant);
        var admin = await AdminOfAsync(tenant);
        var member = await _seeder.CreateUserAsync(tenant, TenantRole.Member);
        var device = await DeviceApi.CreateAsync(admin, tenant, organization);
        var grant = $"/api/tenants/{tenant}/devices/{device}/grants/{member.Id}";

        Assert.Equal(HttpStatusCode.OK, await DeviceApi.GrantAsync(admin, tenant, device, member.Id, "Read"));
        Assert.Equal(HttpStatusCode.OK, await DeviceApi.GrantAsync(admin, tenant, device, member.Id, "Write"));
        var read = await admin.GetFromJsonAsync<JsonObject>(grant, Ct);
        var list = await admin.GetFromJsonAsync<JsonObject>($"/api/tenants/{tenant}/devices/{device}/grants", Ct);
        using var removed = await admin.DeleteAsync(grant, Ct);
        using var removedAgain = await admin.DeleteAsync(grant, Ct);
        using var readAfter = await admin.GetAsync(grant, Ct);

        Assert.Equal("Write", read!["access"]!.GetValue<string>());
        Assert.Equal(member.Id, Assert.Single(list!["items"]!.AsArray())!["userId"]!.GetValue<Guid>());
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, readAfter.StatusCode);
    }

    private async Task<HttpClient> AdminOfAsync(Guid tenant)
    {
        var (owner, _) = await DeviceUsers.CreateAsync(fixture);
        await _seeder.AddMemberAsync(tenant, owner.Id, TenantRole.Admin);
        return owner.Http;
    }
}
