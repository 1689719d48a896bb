using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Members;

[Collection(PlatformAppCollection.Name)]
public sealed class MemberTests(PlatformAppFixture fixture)
{
    private readonly TestTenantSeeder _seeder = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AdminListsChangesAndRemovesAMember()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var member = await _seeder.CreateUserAsync(tenant.TenantId, TenantRole.Member);

        var listed = await tenant.AdminHttp.GetFromJsonAsync<JsonObject>(tenant.Route("/members"), Ct);
        using var changed = await tenant.AdminHttp.PatchAsJsonAsync(tenant.Route($"/members/{member.Id}"), new { role = "Viewer" }, Ct);
        var changedBody = await changed.Content.ReadFromJsonAsync<JsonObject>(Ct);
        using var removed = await tenant.AdminHttp.DeleteAsync(tenant.Route($"/members/{member.Id}"), Ct);
        using var gone = await tenant.AdminHttp.GetAsync(tenant.Route($"/members/{member.Id}"), Ct);

        Assert.Contains(listed!["items"]!.AsArray(), item => item!["userId"]!.GetValue<Guid>() == member.Id
            && item["email"]!.GetValue<string>() == member.Email && item["role"]!.GetValue<string>() == "Member");
        Assert.Equal("Viewer", changedBody!["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task AddingAPersonInvitesThemAndAddingThemTwiceConflicts()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var existing = await _seeder.CreateUserAsync();
        var member = await _seeder.CreateUserAsync(tenant.TenantId, TenantRole.Viewer);
        await _seeder.ExecuteAsync("UPDATE users SET email_verified_at = now() WHERE id = @id", ("id", member.Id));

        using var first = await tenant.AdminHttp.PostAsJsonAsync(tenant.Route("/members"),
            new { email = existing.Email.ToUpperInvariant(), role = "Member" }, Ct);
        var body = await first.Content.ReadFromJsonAsync<JsonObject>(Ct);
        using var second = await tenant.AdminHttp.PostAsJsonAsync(tenant.Route("/members"),
            new { email = existing.Email, role = "Admin" }, Ct);
        using var ofAMember = await tenant.AdminHttp.PostAsJsonAsync(tenant.Route("/members"), new { email = member.Email, role = "Admin" }, Ct);
        using var stillNotMember = await tenant.AdminHttp.GetAsync(tenant.Route($"/members/{existing.Id}"), Ct);

        // An invitation, not a membership: the person has not said yes.
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(existing.Email, body!["email"]!.GetValue<string>());
        Assert.Equal($"/api/tenants/{tenant.TenantId}/invitations/{body["id"]}", first.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, stillNotMember.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("invitation-open", await second.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Conflict, ofAMember.StatusCode);
        Assert.Contains("already-member", await ofAMember.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("too-short")]
    [InlineData("pw-a-long-enough-password-chosen-by-the-admin")]
    public async Task AnAdminCannotChooseAPersonsPassword(string password)
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder, "Tenant Name Is Long");

        using var response = await tenant.AdminHttp.PostAsJsonAsync(tenant.Route("/members"),
            new { email = $"new-{Guid.NewGuid():N}@example.com", role = "Member", password }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("password", await ProblemResponses.FieldsAsync(response), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheLastAdminCannotBeDemotedOrRemoved()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var self = tenant.Route($"/members/{tenant.Admin.Id}");

        using var demoted = await tenant.AdminHttp.PatchAsJsonAsync(self, new { role = "Member" }, Ct);
        using var removed = await tenant.AdminHttp.DeleteAsync(self, Ct);
        var second = await _seeder.CreateUserAsync(tenant.TenantId, TenantRole.Admin);
        using var demotedWithAnotherAdmin = await tenant.AdminHttp.PatchAsJsonAsync(tenant.Route($"/members/{second.Id}"),
            new { role = "Member" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, removed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, demotedWithAnotherAdmin.StatusCode);
    }

    [Fact]
    public async Task RoleChangeReachesTheMembersOpenSessionAtOnce()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var member = await _seeder.CreateUserAsync(tenant.TenantId, TenantRole.Admin);
        using var memberHttp = await _seeder.LoginAsync(member);
        using var before = await memberHttp.GetAsync(tenant.Route("/members"), Ct);

        using var changed = await tenant.AdminHttp.PatchAsJsonAsync(tenant.Route($"/members/{member.Id}"), new { role = "Viewer" }, Ct);
        using var after = await memberHttp.GetAsync(tenant.Route("/members"), Ct);
        using var me = await memberHttp.GetAsync("/api/me", Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        // The session is not the tenant's to end (MemberChangeScopeTests), but it keeps no old rights.
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }
}
