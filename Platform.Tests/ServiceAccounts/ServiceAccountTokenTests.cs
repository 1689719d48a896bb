using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.ServiceAccounts;

/// <summary>
/// A service account's API tokens on the whole stack: effective rights are the account's current role
/// and grants narrowed to the token's scopes, like a person's token; deleting the account ends them.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class ServiceAccountTokenTests(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEditorAccountsReadTokenReadsButCannotCreateADevice()
    {
        var api = await ServiceAccountApi.StartAsync(fixture);
        var account = await api.CreateAsync(TenantRole.Member);
        await api.GrantAsync(account, "Editor");
        await api.Seeder.CreateDeviceAsync(api.Tenant, api.Organization);
        var (_, readSecret) = await api.CreateTokenAsync(account, "devices:read");
        var (_, writeSecret) = await api.CreateTokenAsync(account, "devices:read", "devices:write");
        using var reader = api.TokenClient(readSecret);
        using var writer = api.TokenClient(writeSecret);

        using var read = await reader.GetAsync($"{api.Root}/devices", Ct);
        using var createWithRead = await reader.PostAsJsonAsync($"{api.Root}/devices", api.NewDevice(), Ct);
        using var createWithWrite = await writer.PostAsJsonAsync($"{api.Root}/devices", api.NewDevice(), Ct);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Single((await read.Content.ReadFromJsonAsync<JsonObject>(Ct))!["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.Forbidden, createWithRead.StatusCode);
        Assert.Equal(HttpStatusCode.Created, createWithWrite.StatusCode);
    }

    [Fact]
    public async Task AViewerAccountsWriteScopeIsRefusedAndCannotCreateADevice()
    {
        var api = await ServiceAccountApi.StartAsync(fixture);
        var account = await api.CreateAsync(TenantRole.Viewer);
        // An Editor grant, capped by the Viewer role to reading.
        await api.GrantAsync(account, "Editor");

        using var writeToken = await api.PostTokenAsync(account, "devices:write");
        var (_, readSecret) = await api.CreateTokenAsync(account, "devices:read");
        using var reader = api.TokenClient(readSecret);
        using var create = await reader.PostAsJsonAsync($"{api.Root}/devices", api.NewDevice(), Ct);
        using var organization = await reader.GetAsync($"{api.Root}/organizations/{api.Organization}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, writeToken.StatusCode);
        Assert.Contains("scopes", (await writeToken.Content.ReadAsStringAsync(Ct)).ToLowerInvariant());
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.OK, organization.StatusCode);
    }

    [Fact]
    public async Task DemotingTheAccountDemotesItsTokenOnTheNextRequest()
    {
        var api = await ServiceAccountApi.StartAsync(fixture);
        var account = await api.CreateAsync(TenantRole.Admin);
        var (_, secret) = await api.CreateTokenAsync(account, "devices:read", "devices:write", "audit:read");
        using var token = api.TokenClient(secret);

        using var createdBefore = await token.PostAsJsonAsync($"{api.Root}/devices", api.NewDevice(), Ct);
        using var auditBefore = await token.GetAsync($"{api.Root}/audit", Ct);
        using var demoted = await api.Admin.PatchAsJsonAsync($"{api.Root}/service-accounts/{account}", new { role = "Viewer" }, Ct);
        using var createdAfter = await token.PostAsJsonAsync($"{api.Root}/devices", api.NewDevice(), Ct);
        using var auditAfter = await token.GetAsync($"{api.Root}/audit", Ct);
        using var devicesAfter = await token.GetAsync($"{api.Root}/devices", Ct);

        Assert.Equal(HttpStatusCode.Created, createdBefore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, auditBefore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        // A Viewer without grants cannot see the organization: the device endpoint answers 400 for it, as to anyone.
        Assert.Equal(HttpStatusCode.BadRequest, createdAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, auditAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, devicesAfter.StatusCode);
        Assert.Empty((await devicesAfter.Content.ReadFromJsonAsync<JsonObject>(Ct))!["items"]!.AsArray());
    }

    [Fact]
    public async Task DeletingTheAccountFailsItsTokensOnTheNextRequest()
    {
        var api = await ServiceAccountApi.StartAsync(fixture);
        var account = await api.CreateAsync(TenantRole.Member);
        var (_, secret) = await api.CreateTokenAsync(account, "devices:read");
        using var token = api.TokenClient(secret);

        using var before = await token.GetAsync($"{api.Root}/devices", Ct);
        using var deleted = await api.Admin.DeleteAsync($"{api.Root}/service-accounts/{account}", Ct);
        using var after = await token.GetAsync($"{api.Root}/devices", Ct);
        var tokens = await api.Admin.GetStringAsync($"{api.Root}/tokens", Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.DoesNotContain(account.ToString(), tokens);
    }

    [Fact]
    public async Task TheAdminsTokenListShowsTheAccountsTokensWithTheirOwnerAndRevokesThem()
    {
        var api = await ServiceAccountApi.StartAsync(fixture);
        var account = await api.CreateAsync(TenantRole.Member);
        var (id, secret) = await api.CreateTokenAsync(account, "devices:read");
        using var token = api.TokenClient(secret);

        var all = await api.Admin.GetFromJsonAsync<JsonObject>($"{api.Root}/tokens", Ct);
        var ofAccount = await api.Admin.GetStringAsync($"{api.Root}/service-accounts/{account}/tokens", Ct);
        using var revoked = await api.Admin.DeleteAsync($"{api.Root}/tokens/{id}", Ct);
        using var after = await token.GetAsync($"{api.Root}/devices", Ct);
        var listed = all!["items"]!.AsArray().Single(item => item!["id"]!.GetValue<string>() == id)!;
        var ofAccountAfter = await api.Admin.GetFromJsonAsync<JsonObject>($"{api.Root}/service-accounts/{account}/tokens", Ct);

        Assert.Equal(account, listed["ownerUserId"]!.GetValue<Guid>());
        Assert.Equal("ServiceAccount", listed["ownerKind"]!.GetValue<string>());
        Assert.Contains(id, ofAccount);
        Assert.DoesNotContain(secret, ofAccount);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.NotNull(ofAccountAfter!["items"]!.AsArray().Single()!["revokedAt"]);
    }

    [Fact]
    public async Task GrantRoutesAcceptTheAccountsId()
    {
        var api = await ServiceAccountApi.StartAsync(fixture);
        var account = await api.CreateAsync(TenantRole.Member);
        var device = await api.Seeder.CreateDeviceAsync(api.Tenant, api.Organization);
        var (_, secret) = await api.CreateTokenAsync(account, "devices:read");
        using var token = api.TokenClient(secret);

        using var hiddenBefore = await token.GetAsync($"{api.Root}/devices/{device}", Ct);
        using var deviceGrant = await api.Admin.PutAsJsonAsync($"{api.Root}/devices/{device}/grants/{account}", new { access = "Read" }, Ct);
        using var visibleAfter = await token.GetAsync($"{api.Root}/devices/{device}", Ct);
        await api.GrantAsync(account, "Viewer");
        var organizationGrants = await api.Admin.GetStringAsync($"{api.Root}/organizations/{api.Organization}/grants", Ct);

        Assert.Equal(HttpStatusCode.NotFound, hiddenBefore.StatusCode);
        Assert.True(deviceGrant.IsSuccessStatusCode, $"device grant: {(int)deviceGrant.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, visibleAfter.StatusCode);
        Assert.Contains(account.ToString(), organizationGrants);
    }

    [Fact]
    public async Task AnAccountsTokenCannotManageServiceAccountsNorItself()
    {
        var api = await ServiceAccountApi.StartAsync(fixture);
        var account = await api.CreateAsync(TenantRole.Admin);
        var (_, secret) = await api.CreateTokenAsync(account, "devices:read", "members:admin");
        using var token = api.TokenClient(secret);

        using var list = await token.GetAsync($"{api.Root}/service-accounts", Ct);
        using var create = await token.PostAsJsonAsync($"{api.Root}/service-accounts", new { name = "child", role = "Admin" }, Ct);
        using var ownRole = await token.PatchAsJsonAsync($"{api.Root}/service-accounts/{account}", new { role = "Admin" }, Ct);
        using var ownToken = await token.PostAsJsonAsync($"{api.Root}/service-accounts/{account}/tokens",
            new { name = "wider", scopes = new[] { "audit:read" }, expiresAt = ServiceAccountApi.InAMonth }, Ct);
        using var asMember = await token.PatchAsJsonAsync($"{api.Root}/members/{account}", new { role = "Admin" }, Ct);
        using var members = await token.GetAsync($"{api.Root}/members", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ownRole.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ownToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asMember.StatusCode);
        Assert.Equal(HttpStatusCode.OK, members.StatusCode);
    }

    [Fact]
    public async Task ChangesMadeWithTheTokenAreAuditedWithTheAccountAndTheToken()
    {
        var api = await ServiceAccountApi.StartAsync(fixture);
        var account = await api.CreateAsync(TenantRole.Admin);
        var (id, secret) = await api.CreateTokenAsync(account, "devices:read", "devices:write");
        using var token = api.TokenClient(secret);

        using var created = await token.PostAsJsonAsync($"{api.Root}/devices", api.NewDevice(), Ct);
        var deviceId = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<Guid>();
        var audit = await api.AuditAsync();
        var record = audit.Single(item => item!["action"]!.GetValue<string>() == "device.created"
            && item["targetId"]!.GetValue<string>() == deviceId.ToString())!;

        Assert.Equal("ApiToken", record["actorType"]!.GetValue<string>());
        Assert.Equal(account, record["actorId"]!.GetValue<Guid>());
        Assert.Equal(id, record["actorTokenId"]!.GetValue<string>());
        Assert.DoesNotContain(secret, audit.ToJsonString());
    }
}
