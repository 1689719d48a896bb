using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using Platform.Tests.Members;

namespace Platform.Tests.Invitations;

/// <summary>
/// A platform admin onboards a tenant: creates it with its first admin's invitation, or invites an admin
/// to a tenant that has none, and can do nothing else inside the tenant. Audited on both chains.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class TenantOnboardingTests(PlatformAppFixture fixture)
{
    private readonly TestTenantSeeder _seeder = new(fixture);
    private readonly InvitationApi _api = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APlatformAdminCreatesATenantWhoseInvitedAdminRunsIt()
    {
        // Arrange
        using var platformAdmin = await _seeder.LoginAsPlatformAdminAsync();
        var email = InvitationApi.NewAddress("first-admin");
        var password = InvitationApi.NewPassword();
        var slug = "onboard-" + Guid.NewGuid().ToString("N")[..12];

        // Act: create with the first admin; the person accepts and invites a colleague.
        using var created = await platformAdmin.PostAsJsonAsync("/api/tenants",
            new { slug, name = "Onboarded " + slug, initialAdmin = new { email, displayName = "First Admin" } }, Ct);
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        var tenant = body["id"]!.GetValue<Guid>();
        var (_, token) = await _api.ReadInvitationAsync(email);
        var (accepted, _) = await _api.AcceptAsync(token, password);
        using var admin = await _seeder.LoginAsync(email, password);
        var (colleagueInvited, _) = await InvitationApi.InviteAsync(admin, tenant, InvitationApi.NewAddress("colleague"), "Member");
        var members = await admin.GetFromJsonAsync<JsonObject>($"/api/tenants/{tenant}/members", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Admin", body["initialAdminInvitation"]!["role"]!.GetValue<string>());
        Assert.Equal("sent", body["initialAdminInvitation"]!["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, accepted);
        Assert.Equal(HttpStatusCode.Accepted, colleagueInvited);
        var member = Assert.Single(members!["items"]!.AsArray());
        Assert.Equal("Admin", member!["role"]!.GetValue<string>());
        Assert.Equal("First Admin", member["displayName"]!.GetValue<string>());
        var invitationId = body["initialAdminInvitation"]!["id"]!.GetValue<string>();
        Assert.Contains(await _seeder.AuditAsync(tenant, invitationId), e => e.Action == "invitation.created");
        Assert.Contains(await _seeder.AuditAsync(null, invitationId), e => e.Action == "invitation.created" && e.After.Contains(tenant.ToString()));
    }

    [Fact]
    public async Task APlatformAdminInvitesAnAdminToAnExistingTenantAndNothingElse()
    {
        // Arrange: a tenant the platform admin is not a member of.
        using var platformAdmin = await _seeder.LoginAsPlatformAdminAsync();
        var tenant = await _seeder.CreateTenantAsync();
        var root = $"/api/tenants/{tenant}";

        // Act
        var (asAdmin, invitation) = await InvitationApi.InviteAsync(platformAdmin, tenant, InvitationApi.NewAddress(), "Admin");
        var (asMember, memberProblem) = await InvitationApi.InviteAsync(platformAdmin, tenant, InvitationApi.NewAddress(), "Member");
        using var listed = await platformAdmin.GetAsync($"{root}/invitations", Ct);
        using var resent = await platformAdmin.PostAsync($"{root}/invitations/{invitation["id"]}/resend", null, Ct);
        using var members = await platformAdmin.GetAsync($"{root}/members", Ct);
        using var devices = await platformAdmin.GetAsync($"{root}/devices", Ct);
        using var audit = await platformAdmin.GetAsync($"{root}/audit", Ct);

        // Assert: the Admin invitation, audited on both chains; nothing else inside.
        Assert.Equal(HttpStatusCode.Accepted, asAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, asMember);
        Assert.Contains("invite a tenant's admins only", memberProblem["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, members.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, devices.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, audit.StatusCode);
        var id = invitation["id"]!.GetValue<string>();
        Assert.Equal(["invitation.created", "invitation.resent"], (await _seeder.AuditAsync(tenant, id)).Select(e => e.Action));
        Assert.Equal(["invitation.created", "invitation.resent"], (await _seeder.AuditAsync(null, id)).Select(e => e.Action));
    }

    [Fact]
    public async Task OnlyPlatformAdminsOnboard()
    {
        var tenantAdmin = await TenantAdminScenario.CreateAsync(_seeder);
        var other = await _seeder.CreateTenantAsync();

        using var create = await tenantAdmin.AdminHttp.PostAsJsonAsync("/api/tenants",
            new { slug = "x-" + Guid.NewGuid().ToString("N")[..10], name = "Nope", initialAdmin = new { email = InvitationApi.NewAddress() } }, Ct);
        var (invite, _) = await InvitationApi.InviteAsync(tenantAdmin.AdminHttp, other, InvitationApi.NewAddress(), "Admin");

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, invite);
    }
}
