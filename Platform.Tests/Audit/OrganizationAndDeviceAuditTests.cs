using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using Platform.Tests.Members;

namespace Platform.Tests.Audit;

/// <summary>Each audited change of organizations, devices and device grants writes exactly one event.</summary>
[Collection(PlatformAppCollection.Name)]
public sealed class OrganizationAndDeviceAuditTests(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EachOrganizationDeviceAndDeviceGrantChangeWritesOneEvent()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await TenantAdminScenario.CreateAsync(seeder);
        var member = await seeder.CreateUserAsync(tenant.TenantId);
        var http = tenant.AdminHttp;

        var organization = (await OneEventAsync(tenant, "organization.created",
            () => http.PostAsJsonAsync(tenant.Route("/organizations"), new { name = "Audited" }, Ct)))["targetId"]!.GetValue<string>();
        var other = await seeder.CreateOrganizationAsync(tenant.TenantId);
        await OneEventAsync(tenant, "organization.updated",
            () => http.PatchAsJsonAsync(tenant.Route($"/organizations/{organization}"), new { name = "Audited too" }, Ct));
        var device = (await OneEventAsync(tenant, "device.created", () => http.PostAsJsonAsync(tenant.Route("/devices"), new
        {
            devEui = Random.Shared.NextInt64().ToString("x16"),
            name = "Audited device",
            organizationId = organization,
            networkServer = new { kind = "ChirpStack", applicationId = Guid.NewGuid() },
        }, Ct)))["targetId"]!.GetValue<string>();
        await OneEventAsync(tenant, "device.updated",
            () => http.PatchAsJsonAsync(tenant.Route($"/devices/{device}"), new { name = "Renamed device" }, Ct));
        var assigned = await OneEventAsync(tenant, "device.assigned",
            () => http.PatchAsJsonAsync(tenant.Route($"/devices/{device}"), new { organizationId = other }, Ct));
        await OneEventAsync(tenant, "device.grant.changed",
            () => http.PutAsJsonAsync(tenant.Route($"/devices/{device}/grants/{member.Id}"), new { access = "Read" }, Ct));
        await OneEventAsync(tenant, "device.grant.removed", () => http.DeleteAsync(tenant.Route($"/devices/{device}/grants/{member.Id}"), Ct));
        await OneEventAsync(tenant, "device.deleted", () => http.DeleteAsync(tenant.Route($"/devices/{device}"), Ct));
        var deleted = await OneEventAsync(tenant, "organization.deleted", () => http.DeleteAsync(tenant.Route($"/organizations/{organization}"), Ct));

        Assert.Contains(other.ToString(), assigned["after"]!.ToJsonString());
        Assert.Equal(tenant.Admin.Id.ToString(), deleted["actorId"]!.GetValue<string>());
        var verify = await http.GetFromJsonAsync<JsonObject>(tenant.Route("/audit/verify"), Ct);
        Assert.True(verify!["valid"]!.GetValue<bool>());
    }

    private static async Task<JsonObject> OneEventAsync(TenantAdminScenario tenant, string action, Func<Task<HttpResponseMessage>> change)
    {
        var before = (await tenant.AuditEventsAsync(action)).Count;
        using (var response = await change())
        {
            response.EnsureSuccessStatusCode();
        }

        var after = await tenant.AuditEventsAsync(action);
        Assert.True(after.Count == before + 1, $"{action}: {after.Count - before} events written");
        return after[0]!.AsObject();
    }
}
