using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Platform.Core.Identity;
using Platform.Core.Persistence;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.ServiceAccounts;

/// <summary>Service accounts managed by tenant admins over HTTP: a principal with a role, never a person, never a login.</summary>
[Collection(PlatformAppCollection.Name)]
public sealed class ServiceAccountTests(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATenantAdminCreatesReadsChangesAndDeletesAServiceAccount()
    {
        var api = await ServiceAccountApi.StartAsync(fixture);

        using var created = await api.Admin.PostAsJsonAsync($"{api.Root}/service-accounts",
            new { name = "ci-pipeline", description = "Deploys dashboards", role = "Member" }, Ct);
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        var id = body["id"]!.GetValue<Guid>();
        var read = await api.Admin.GetFromJsonAsync<JsonObject>($"{api.Root}/service-accounts/{id}", Ct);
        var list = await api.Admin.GetFromJsonAsync<JsonObject>($"{api.Root}/service-accounts", Ct);
        using var changed = await api.Admin.PatchAsJsonAsync($"{api.Root}/service-accounts/{id}",
            new { name = "ci-pipeline-2", description = "Reads only", role = "Viewer" }, Ct);
        var afterChange = (await changed.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        using var deleted = await api.Admin.DeleteAsync($"{api.Root}/service-accounts/{id}", Ct);
        using var gone = await api.Admin.GetAsync($"{api.Root}/service-accounts/{id}", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"{api.Root}/service-accounts/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("ci-pipeline", read!["name"]!.GetValue<string>());
        Assert.Equal("Deploys dashboards", read["description"]!.GetValue<string>());
        Assert.Equal("Member", read["role"]!.GetValue<string>());
        Assert.Contains(list!["items"]!.AsArray(), item => item!["id"]!.GetValue<Guid>() == id);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("ci-pipeline-2", afterChange["name"]!.GetValue<string>());
        Assert.Equal("Reads only", afterChange["description"]!.GetValue<string>());
        Assert.Equal("Viewer", afterChange["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task BadInputIsRefusedNamingTheField()
    {
        var api = await ServiceAccountApi.StartAsync(fixture);

        using var noName = await api.Admin.PostAsJsonAsync($"{api.Root}/service-accounts", new { name = " ", role = "Member" }, Ct);
        using var badRole = await api.Admin.PostAsJsonAsync($"{api.Root}/service-accounts", new { name = "x", role = "Owner" }, Ct);
        using var withPassword = await api.Admin.PostAsJsonAsync($"{api.Root}/service-accounts",
            new { name = "x", role = "Member", password = "pw-" + Guid.NewGuid() }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Contains("name", (await noName.Content.ReadAsStringAsync(Ct)).ToLowerInvariant());
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        // There is nowhere to put a password: the field is unknown, and unknown fields are refused.
        Assert.Equal(HttpStatusCode.BadRequest, withPassword.StatusCode);
    }

    [Fact]
    public async Task OnlyTenantAdminsManageServiceAccounts()
    {
        var api = await ServiceAccountApi.StartAsync(fixture);
        var account = await api.CreateAsync(TenantRole.Member);
        var member = await api.Seeder.CreateUserAsync(api.Tenant, TenantRole.Member);
        using var asMember = await api.Seeder.LoginAsync(member);

        using var list = await asMember.GetAsync($"{api.Root}/service-accounts", Ct);
        using var read = await asMember.GetAsync($"{api.Root}/service-accounts/{account}", Ct);
        using var create = await asMember.PostAsJsonAsync($"{api.Root}/service-accounts", new { name = "x", role = "Admin" }, Ct);
        using var change = await asMember.PatchAsJsonAsync($"{api.Root}/service-accounts/{account}", new { role = "Admin" }, Ct);
        using var delete = await asMember.DeleteAsync($"{api.Root}/service-accounts/{account}", Ct);
        using var token = await asMember.PostAsJsonAsync($"{api.Root}/service-accounts/{account}/tokens",
            new { name = "t", scopes = new[] { "devices:read" }, expiresAt = ServiceAccountApi.InAMonth }, Ct);

        Assert.All([list, read, create, change, delete, token], response => Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode));
    }

    [Fact]
    public async Task AnotherTenantsAdminFindsNoServiceAccountOfThisTenant()
    {
        var a = await ServiceAccountApi.StartAsync(fixture);
        var b = await ServiceAccountApi.StartAsync(fixture);
        var accountOfA = await a.CreateAsync(TenantRole.Admin);

        using var throughA = await b.Admin.GetAsync($"{a.Root}/service-accounts/{accountOfA}", Ct);
        using var throughB = await b.Admin.GetAsync($"{b.Root}/service-accounts/{accountOfA}", Ct);
        using var changeThroughB = await b.Admin.PatchAsJsonAsync($"{b.Root}/service-accounts/{accountOfA}", new { role = "Viewer" }, Ct);
        using var deleteThroughB = await b.Admin.DeleteAsync($"{b.Root}/service-accounts/{accountOfA}", Ct);
        using var tokenThroughB = await b.PostTokenAsync(accountOfA, "devices:read");
        var listOfB = await b.Admin.GetStringAsync($"{b.Root}/service-accounts", Ct);
        var stillThere = await a.Admin.GetFromJsonAsync<JsonObject>($"{a.Root}/service-accounts/{accountOfA}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, throughA.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, throughB.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, changeThroughB.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deleteThroughB.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, tokenThroughB.StatusCode);
        Assert.DoesNotContain(accountOfA.ToString(), listOfB);
        Assert.Equal("Admin", stillThere!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task AServiceAccountIsNeitherListedNorManagedAsAMember()
    {
        var api = await ServiceAccountApi.StartAsync(fixture);
        var account = await api.CreateAsync(TenantRole.Member);
        var other = await ServiceAccountApi.StartAsync(fixture);

        var members = await api.Admin.GetStringAsync($"{api.Root}/members", Ct);
        using var asMember = await api.Admin.GetAsync($"{api.Root}/members/{account}", Ct);
        using var promote = await api.Admin.PatchAsJsonAsync($"{api.Root}/members/{account}", new { role = "Admin" }, Ct);
        using var remove = await api.Admin.DeleteAsync($"{api.Root}/members/{account}", Ct);
        // Its e-mail is the only handle another tenant's admin could use to add it.
        using var addElsewhere = await other.Admin.PostAsJsonAsync($"{other.Root}/members",
            new { email = User.ServiceAccountEmail(account), role = "Admin" }, Ct);
        using var newInReservedDomain = await other.Admin.PostAsJsonAsync($"{other.Root}/members",
            new { email = $"someone@{User.ServiceAccountEmailDomain}", role = "Admin", password = "pw-" + Guid.NewGuid().ToString("N") }, Ct);
        var unchanged = await api.Admin.GetFromJsonAsync<JsonObject>($"{api.Root}/service-accounts/{account}", Ct);

        Assert.DoesNotContain(account.ToString(), members);
        Assert.Equal(HttpStatusCode.NotFound, asMember.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, promote.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, addElsewhere.StatusCode);
        Assert.Contains("email", (await addElsewhere.Content.ReadAsStringAsync(Ct)).ToLowerInvariant());
        Assert.Equal(HttpStatusCode.BadRequest, newInReservedDomain.StatusCode);
        Assert.Equal("Member", unchanged!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task AServiceAccountAdminDoesNotCountAsTheTenantsLastAdmin()
    {
        var api = await ServiceAccountApi.StartAsync(fixture);
        await api.CreateAsync(TenantRole.Admin);
        var adminId = (await api.Admin.GetFromJsonAsync<JsonObject>("/api/me", Ct))!["id"]!.GetValue<Guid>();

        using var demoteSelf = await api.Admin.PatchAsJsonAsync($"{api.Root}/members/{adminId}", new { role = "Member" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, demoteSelf.StatusCode);
    }

    [Fact]
    public async Task AServiceAccountCannotLogInByItsEmailOrName()
    {
        var api = await ServiceAccountApi.StartAsync(fixture);
        var name = $"robot-{Guid.NewGuid():N}@example.com";
        var account = await api.CreateAsync(TenantRole.Admin, name);
        using var anonymous = fixture.CreateApiClient();

        using var byEmail = await anonymous.PostAsJsonAsync("/api/auth/login",
            new { email = User.ServiceAccountEmail(account), password = TestTenantSeeder.Password }, Ct);
        using var byName = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = name, password = TestTenantSeeder.Password }, Ct);
        // Even a password hash written into its row behind the API's back opens no login: the admin's,
        // whose password (the seeded users' one) is the one tried here.
        var adminId = (await api.Admin.GetFromJsonAsync<JsonObject>("/api/me", Ct))!["id"]!.GetValue<Guid>();
        await api.Seeder.ExecuteAsync("UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE id = @admin) WHERE id = @id",
            ("id", account), ("admin", adminId));
        using var withForgedHash = await anonymous.PostAsJsonAsync("/api/auth/login",
            new { email = User.ServiceAccountEmail(account), password = TestTenantSeeder.Password }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, byEmail.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byName.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withForgedHash.StatusCode);
    }

    [Fact]
    public async Task DeletingTheTenantDeletesItsServiceAccounts()
    {
        var api = await ServiceAccountApi.StartAsync(fixture);
        var account = await api.CreateAsync(TenantRole.Member);
        using var platformAdmin = await api.Seeder.LoginAsPlatformAdminAsync();

        using var deleted = await platformAdmin.DeleteAsync(api.Root, Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        // Users are global rows (no tenant filter applies to them): counted straight in the database.
        await using var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync(PersistenceExtensions.ConnectionName));
        await connection.OpenAsync(Ct);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM users WHERE id = @id", connection);
        count.Parameters.AddWithValue("id", account);
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync(Ct))!);
    }

    [Fact]
    public async Task EveryChangeIsAudited()
    {
        var api = await ServiceAccountApi.StartAsync(fixture);
        var account = await api.CreateAsync(TenantRole.Member);
        using var changed = await api.Admin.PatchAsJsonAsync($"{api.Root}/service-accounts/{account}", new { role = "Viewer" }, Ct);
        var (tokenId, secret) = await api.CreateTokenAsync(account, "devices:read");
        using var deleted = await api.Admin.DeleteAsync($"{api.Root}/service-accounts/{account}", Ct);

        var audit = await api.AuditAsync();
        string[] ActionsOn(string id) => audit.Where(item => item!["targetId"]?.GetValue<string>() == id)
            .Select(item => item!["action"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();
        var roleChange = audit.Single(item => item!["action"]!.GetValue<string>() == "service-account.updated");
        var tokenCreated = audit.Single(item => item!["action"]!.GetValue<string>() == "token.created" && item["targetId"]!.GetValue<string>() == tokenId);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(["service-account.created", "service-account.deleted", "service-account.updated"], ActionsOn(account.ToString()));
        Assert.Equal(["token.created", "token.revoked"], ActionsOn(tokenId));
        Assert.Equal("Member", roleChange!["before"]!["role"]!.GetValue<string>());
        Assert.Equal("Viewer", roleChange["after"]!["role"]!.GetValue<string>());
        Assert.Equal(account, tokenCreated!["after"]!["ownerUserId"]!.GetValue<Guid>());
        Assert.DoesNotContain(secret, audit.ToJsonString());
    }
}
