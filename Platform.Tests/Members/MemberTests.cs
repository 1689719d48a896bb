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
    public async Task AdminAddsListsChangesAndRemovesANewLocalUser()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var email = $"new-{Guid.NewGuid():N}@example.com";
        var password = "secret-" + Guid.NewGuid().ToString("N");

        using var added = await tenant.AdminHttp.PostAsJsonAsync(tenant.Route("/members"),
            new { email, displayName = "New Person", role = "Member", password }, Ct);
        var addedText = await added.Content.ReadAsStringAsync(Ct);
        var userId = JsonNode.Parse(addedText)!["userId"]!.GetValue<Guid>();
        var listed = await tenant.AdminHttp.GetFromJsonAsync<JsonObject>(tenant.Route("/members"), Ct);
        using var changed = await tenant.AdminHttp.PatchAsJsonAsync(tenant.Route($"/members/{userId}"), new { role = "Viewer" }, Ct);
        var changedBody = await changed.Content.ReadFromJsonAsync<JsonObject>(Ct);
        using var removed = await tenant.AdminHttp.DeleteAsync(tenant.Route($"/members/{userId}"), Ct);
        using var gone = await tenant.AdminHttp.GetAsync(tenant.Route($"/members/{userId}"), Ct);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.DoesNotContain(password, addedText);
        Assert.Contains(listed!["items"]!.AsArray(), item => item!["userId"]!.GetValue<Guid>() == userId
            && item["email"]!.GetValue<string>() == email && item["role"]!.GetValue<string>() == "Member");
        Assert.Equal("Viewer", changedBody!["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        // The new user can log in with the password the admin set.
        using var login = await fixture.CreateApiClient().PostAsJsonAsync("/api/auth/login", new { email, password }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task ExistingUserIsAddedByEmailAndAddingThemTwiceConflicts()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var existing = await _seeder.CreateUserAsync();

        using var first = await tenant.AdminHttp.PostAsJsonAsync(tenant.Route("/members"),
            new { email = existing.Email.ToUpperInvariant(), role = "Member" }, Ct);
        var body = await first.Content.ReadFromJsonAsync<JsonObject>(Ct);
        using var second = await tenant.AdminHttp.PostAsJsonAsync(tenant.Route("/members"),
            new { email = existing.Email, role = "Admin" }, Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(existing.Id, body!["userId"]!.GetValue<Guid>());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("too-short")]
    [InlineData("Tenant Name Is Long")]
    public async Task NewUserNeedsAPasswordThePolicyAccepts(string? password)
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
