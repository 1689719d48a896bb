using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Organizations;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;
using Platform.Tests.Ingestion;

namespace Platform.Tests.Uplinks;

/// <summary>Rejected messages through the API: who sees which, what a list and an item show, paging and filters.</summary>
[Collection(PlatformAppCollection.Name)]
public sealed class RejectedUplinksTests(PlatformAppFixture fixture)
{
    private readonly TestTenantSeeder _seeder = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATenantAdminSeesTheBindingMismatchOfItsDeviceAndTheMessageInTheSingleItem()
    {
        var tenant = await UplinkTenant.CreateAsync(_seeder);
        var (topic, message, _, _) = tenant.ForeignUplink(1);
        await PublishAsync((topic, message));

        var listed = await UplinkTenant.RejectionAsync(fixture, tenant.AdminHttp, tenant.Route("/rejected-uplinks?reason=BindingMismatch"), topic);
        var id = listed["id"]!.GetValue<Guid>();
        var single = await tenant.AdminHttp.GetFromJsonAsync<JsonObject>(tenant.Route($"/rejected-uplinks/{id}"), Ct);

        Assert.Equal("BindingMismatch", listed["reason"]!.GetValue<string>());
        Assert.Contains(tenant.DevEui, listed["detail"]!.GetValue<string>());
        Assert.Equal(tenant.DeviceId, listed["deviceId"]!.GetValue<Guid>());
        Assert.Equal(message.Length, listed["messageSize"]!.GetValue<int>());
        Assert.False(listed["truncated"]!.GetValue<bool>());
        Assert.Null(listed["replayedAt"]);
        Assert.InRange(listed["receivedAt"]!.GetValue<DateTimeOffset>(), DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow);
        Assert.False(listed.ContainsKey("message"));
        Assert.Equal(Convert.ToBase64String(message), single!["message"]!.GetValue<string>());
        Assert.Equal(topic, single["topic"]!.GetValue<string>());
    }

    [Fact]
    public async Task OnlyTheTenantsAdminsSeeOrReplayItsRejectionsAndAnotherTenantLearnsNothing()
    {
        var tenant = await UplinkTenant.CreateAsync(_seeder);
        var (topic, message, _, _) = tenant.ForeignUplink(2);
        await PublishAsync((topic, message));
        var id = (await UplinkTenant.RejectionAsync(fixture, tenant.AdminHttp, tenant.Route("/rejected-uplinks"), topic))["id"]!.GetValue<Guid>();
        var manager = await _seeder.CreateUserAsync(tenant.TenantId, TenantRole.Member);
        await _seeder.GrantOrganizationAsync(tenant.TenantId, tenant.OrganizationId, manager.Id, OrganizationAccess.Manager);
        using var asManager = await _seeder.LoginAsync(manager);
        using var asViewer = await _seeder.LoginAsync(await _seeder.CreateUserAsync(tenant.TenantId, TenantRole.Viewer));
        var other = await UplinkTenant.CreateAsync(_seeder);

        foreach (var member in new[] { asManager, asViewer })
        {
            Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
                await StatusesAsync(member, tenant.TenantId, id));
        }

        // On tenant A's routes everything is a 404; on its own, the item is not there (and its own list answers).
        var answers = (await AnswersAsync(other.AdminHttp, tenant.TenantId, id)).Concat((await AnswersAsync(other.AdminHttp, other.TenantId, id))[1..]);
        foreach (var (status, body) in answers)
        {
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.DoesNotContain(id.ToString(), body);
            Assert.DoesNotContain(tenant.DevEui, body);
        }

        Assert.DoesNotContain(await UplinkTenant.AllPagesAsync(other.AdminHttp, other.Route("/rejected-uplinks"), 500),
            item => item["id"]!.GetValue<Guid>() == id);
        var stillThere = await tenant.AdminHttp.GetFromJsonAsync<JsonObject>(tenant.Route($"/rejected-uplinks/{id}"), Ct);
        Assert.Null(stillThere!["replayedAt"]);
    }

    [Fact]
    public async Task ARejectionThatNamesNoTenantsDeviceIsOnlyForPlatformAdmins()
    {
        var tenant = await UplinkTenant.CreateAsync(_seeder);
        var (topic, message, _) = NetworkServerClient.ChirpStack(Guid.NewGuid(), TestTenantSeeder.RandomDevEui(), 1, [0x00], DateTimeOffset.UtcNow);
        await PublishAsync((topic, message));
        using var admin = await _seeder.LoginAsPlatformAdminAsync();
        var tenantsOwn = await _seeder.CreateRejectionAsync(tenant.TenantId, tenant.DeviceId);

        var listed = await UplinkTenant.RejectionAsync(fixture, admin, "/api/admin/rejected-uplinks?reason=UnknownDevice&replayed=false", topic);
        var id = listed["id"]!.GetValue<Guid>();
        var single = await admin.GetFromJsonAsync<JsonObject>($"/api/admin/rejected-uplinks/{id}", Ct);
        using var tenantsOwnAsAdmin = await admin.GetAsync($"/api/admin/rejected-uplinks/{tenantsOwn}", Ct);
        var reads = await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit?action=admin.rejected-uplinks.read", Ct);

        Assert.Equal("UnknownDevice", listed["reason"]!.GetValue<string>());
        Assert.Null(listed["deviceId"]);
        Assert.Equal(Convert.ToBase64String(message), single!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, tenantsOwnAsAdmin.StatusCode);
        Assert.NotEmpty(reads!["items"]!.AsArray());
        // Not the tenant's, by any route; and the platform's routes are not for a tenant admin.
        Assert.DoesNotContain(await UplinkTenant.AllPagesAsync(tenant.AdminHttp, tenant.Route("/rejected-uplinks"), 500),
            item => item["id"]!.GetValue<Guid>() == id);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound], (await StatusesAsync(tenant.AdminHttp, tenant.TenantId, id))[1..]);
        Assert.Equal(HttpStatusCode.Forbidden, (await tenant.AdminHttp.GetAsync("/api/admin/rejected-uplinks", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tenant.AdminHttp.GetAsync($"/api/admin/rejected-uplinks/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tenant.AdminHttp.PostAsync($"/api/admin/rejected-uplinks/{id}/replay", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task RejectionsArePagedNewestFirstAndFilterByReasonAndReplayed()
    {
        var tenant = await UplinkTenant.CreateAsync(_seeder);
        var first = tenant.ForeignUplink(1);
        var second = tenant.ForeignUplink(2);
        var oversized = tenant.OversizedUplink();
        await PublishAsync((first.Topic, first.Message), (second.Topic, second.Message), oversized);
        foreach (var topic in new[] { first.Topic, second.Topic, oversized.Topic })
        {
            await UplinkTenant.RejectionAsync(fixture, tenant.AdminHttp, tenant.Route("/rejected-uplinks"), topic);
        }

        var walked = await UplinkTenant.AllPagesAsync(tenant.AdminHttp, tenant.Route("/rejected-uplinks"), limit: 1);
        var mismatches = await UplinkTenant.AllPagesAsync(tenant.AdminHttp, tenant.Route("/rejected-uplinks?reason=BindingMismatch"), 50);
        var tooLarge = Assert.Single(await UplinkTenant.AllPagesAsync(tenant.AdminHttp, tenant.Route("/rejected-uplinks?reason=MessageTooLarge"), 50));
        var kept = await tenant.AdminHttp.GetFromJsonAsync<JsonObject>(tenant.Route($"/rejected-uplinks/{tooLarge["id"]}"), Ct);
        var replayed = await UplinkTenant.AllPagesAsync(tenant.AdminHttp, tenant.Route("/rejected-uplinks?replayed=true"), 50);
        var notReplayed = await UplinkTenant.AllPagesAsync(tenant.AdminHttp, tenant.Route("/rejected-uplinks?replayed=false"), 50);
        using var unknownReason = await tenant.AdminHttp.GetAsync(tenant.Route("/rejected-uplinks?reason=Sunspots"), Ct);

        Assert.Equal(3, walked.Select(item => item["id"]!.GetValue<Guid>()).Distinct().Count());
        var times = walked.Select(item => item["receivedAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.Equal(new[] { first.Topic, second.Topic }.Order(), mismatches.Select(item => item["topic"]!.GetValue<string>()).Order());
        Assert.True(tooLarge["truncated"]!.GetValue<bool>());
        Assert.Equal(oversized.Message.Length, tooLarge["messageSize"]!.GetValue<int>());
        Assert.Equal(64 * 1024, Convert.FromBase64String(kept!["message"]!.GetValue<string>()).Length);
        Assert.Empty(replayed);
        Assert.Equal(3, notReplayed.Count);
        Assert.Equal(HttpStatusCode.BadRequest, unknownReason.StatusCode);
        Assert.Equal("reason", Assert.Single(await ProblemResponses.FieldsAsync(unknownReason)), ignoreCase: true);
    }

    private async Task PublishAsync(params (string Topic, byte[] Message)[] messages)
    {
        await using var networkServer = await NetworkServerClient.ConnectAsync(fixture);
        foreach (var (topic, message) in messages)
        {
            await networkServer.PublishAsync(topic, message);
        }
    }

    /// <summary>The list, the item and its replay, each as seen by this client on this tenant's routes.</summary>
    private static async Task<List<(HttpStatusCode Status, string Body)>> AnswersAsync(HttpClient http, Guid tenantId, Guid id)
    {
        var root = $"/api/tenants/{tenantId}/rejected-uplinks";
        var answers = new List<(HttpStatusCode, string)>();
        foreach (var request in new Func<Task<HttpResponseMessage>>[]
                 {
                     () => http.GetAsync(root, Ct), () => http.GetAsync($"{root}/{id}", Ct), () => http.PostAsync($"{root}/{id}/replay", null, Ct),
                 })
        {
            using var response = await request();
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(Ct)));
        }

        return answers;
    }

    private static async Task<List<HttpStatusCode>> StatusesAsync(HttpClient http, Guid tenantId, Guid id) =>
        (await AnswersAsync(http, tenantId, id)).Select(answer => answer.Status).ToList();
}
