using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;
using Platform.Tests.Members;

namespace Platform.Tests.Audit;

/// <summary>Each audited change of members and grants writes exactly one event, with its target and snapshots.</summary>
[Collection(PlatformAppCollection.Name)]
public sealed class AuditTrailTests(PlatformAppFixture fixture)
{
    private readonly TestTenantSeeder _seeder = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EachMemberAndGrantChangeWritesOneEvent()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var organization = await _seeder.CreateOrganizationAsync(tenant.TenantId);

        var invited = await OneEventAsync(tenant, "invitation.created", async () =>
        {
            using var response = await tenant.AdminHttp.PostAsJsonAsync(tenant.Route("/members"), new
            {
                email = $"audited-{Guid.NewGuid():N}@example.com", role = "Member",
            }, Ct);
            response.EnsureSuccessStatusCode();
        });
        var userId = (await _seeder.CreateUserAsync(tenant.TenantId, TenantRole.Member)).Id.ToString();
        var roleChanged = await OneEventAsync(tenant, "member.role.changed",
            () => SendAsync(tenant.AdminHttp.PatchAsJsonAsync(tenant.Route($"/members/{userId}"), new { role = "Viewer" }, Ct)));
        var grant = tenant.Route($"/organizations/{organization}/grants/{userId}");
        var granted = await OneEventAsync(tenant, "organization.grant.changed",
            () => SendAsync(tenant.AdminHttp.PutAsJsonAsync(grant, new { access = "Editor", canExport = true }, Ct)));
        var ungranted = await OneEventAsync(tenant, "organization.grant.removed", () => SendAsync(tenant.AdminHttp.DeleteAsync(grant, Ct)));
        var removed = await OneEventAsync(tenant, "member.removed",
            () => SendAsync(tenant.AdminHttp.DeleteAsync(tenant.Route($"/members/{userId}"), Ct)));

        Assert.Equal("Member", invited["after"]!["role"]!.GetValue<string>());
        Assert.Equal("Member", roleChanged["before"]!["role"]!.GetValue<string>());
        Assert.Equal("Viewer", roleChanged["after"]!["role"]!.GetValue<string>());
        Assert.Equal(0, roleChanged["after"]!["sessionsRevoked"]!.GetValue<int>());
        Assert.Equal(organization.ToString(), granted["targetId"]!.GetValue<string>());
        Assert.Null(granted["before"]);
        Assert.Equal("Editor", granted["after"]!["access"]!.GetValue<string>());
        Assert.Equal("Editor", ungranted["before"]!["access"]!.GetValue<string>());
        Assert.Equal(userId, removed["targetId"]!.GetValue<string>());
        Assert.Equal((0, 0), (removed["after"]!["sessionsRevoked"]!.GetValue<int>(), removed["after"]!["tokensRevoked"]!.GetValue<int>()));
        Assert.All(new[] { invited, roleChanged, granted, ungranted, removed },
            e => Assert.Equal(tenant.Admin.Id, e["actorId"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task EventsFilterByActorAndTime()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        await _seeder.CreateUserAsync(tenant.TenantId, TenantRole.Member);
        var start = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O");
        await SendAsync(tenant.AdminHttp.PostAsJsonAsync(tenant.Route("/organizations"), new { name = "Audited" }, Ct));

        var mine = await tenant.AdminHttp.GetFromJsonAsync<JsonObject>(
            tenant.Route($"/audit?actorId={tenant.Admin.Id}&from={Uri.EscapeDataString(start)}"), Ct);
        var someoneElse = await tenant.AdminHttp.GetFromJsonAsync<JsonObject>(tenant.Route($"/audit?actorId={Guid.NewGuid()}"), Ct);

        Assert.Equal("organization.created", Assert.Single(mine!["items"]!.AsArray())!["action"]!.GetValue<string>());
        Assert.Empty(someoneElse!["items"]!.AsArray());
    }

    private static async Task<JsonObject> OneEventAsync(TenantAdminScenario tenant, string action, Func<Task> act)
    {
        var before = (await tenant.AuditEventsAsync(action)).Count;
        await act();
        var after = await tenant.AuditEventsAsync(action);
        Assert.Equal(before + 1, after.Count);
        return after[0]!.AsObject();
    }

    private static async Task SendAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        response.EnsureSuccessStatusCode();
    }
}
