using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;
using Platform.Tests.Members;

namespace Platform.Tests.Invitations;

/// <summary>
/// Adding a person is an invitation by e-mail, end to end on the whole stack: the admin invites, the
/// mail arrives in MailDev, its link's secret (in the URL fragment) previews and accepts, the person
/// signs in. Nobody chooses another person's password, and nobody squats an address.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class InvitationJourneyTests(PlatformAppFixture fixture)
{
    private readonly TestTenantSeeder _seeder = new(fixture);
    private readonly InvitationApi _api = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANewPersonAcceptsThroughTheMailedLinkAndSignsIn()
    {
        // Arrange
        var tenant = await TenantAdminScenario.CreateAsync(_seeder, "Acme Sensors");
        var email = InvitationApi.NewAddress();
        var password = InvitationApi.NewPassword();

        // Act: invite, read the mail, preview, accept, sign in.
        var (invited, invitation) = await InvitationApi.InviteAsync(tenant.AdminHttp, tenant.TenantId, email, "Member", "New Person");
        var (mail, token) = await _api.ReadInvitationAsync(email);
        var (previewed, preview) = await _api.PreviewAsync(token);
        var (accepted, acceptance) = await _api.AcceptAsync(token, password);
        var signIn = await _api.LoginStatusAsync(email, password);
        var (again, _) = await _api.AcceptAsync(token, password);
        var afterwards = await tenant.AdminHttp.GetFromJsonAsync<JsonObject>(tenant.Route($"/invitations/{invitation["id"]}"), Ct);
        var members = await tenant.AdminHttp.GetFromJsonAsync<JsonObject>(tenant.Route("/members"), Ct);

        // Assert: the admin sees an invitation, never its link.
        Assert.Equal(HttpStatusCode.Accepted, invited);
        Assert.Equal("sent", invitation["state"]!.GetValue<string>());
        Assert.Null(invitation["deliveryFailure"]);
        Assert.DoesNotContain(token, invitation.ToJsonString());
        Assert.DoesNotContain("pli_", invitation.ToJsonString());
        // The mail went to the address, with a link to the web app's page and the secret in the fragment only.
        Assert.Contains(email, mail.To, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("Acme Sensors", mail.Subject);
        Assert.StartsWith(new Uri(fixture.WebEndpoint, "/invitation#token=").ToString(), mail.FirstLink!, StringComparison.Ordinal);
        Assert.StartsWith("pli_", token, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, previewed);
        Assert.Equal("new", preview["account"]!.GetValue<string>());
        Assert.Equal("Acme Sensors", preview["tenantName"]!.GetValue<string>());
        Assert.Equal("Member", preview["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, accepted);
        Assert.Equal("created", acceptance["account"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, signIn);
        // A link works once.
        Assert.Equal(HttpStatusCode.NotFound, again);
        Assert.Equal("accepted", afterwards!["state"]!.GetValue<string>());
        Assert.Contains(members!["items"]!.AsArray(), member => member!["email"]!.GetValue<string>() == email
            && member["role"]!.GetValue<string>() == "Member" && member["displayName"]!.GetValue<string>() == "New Person");
        // The secret reached no log of any service.
        Assert.DoesNotContain(fixture.Logs, entry => entry.Line.Content.Contains(token, StringComparison.Ordinal));
        var actions = (await _seeder.AuditAsync(tenant.TenantId)).Select(e => e.Action).ToList();
        Assert.Contains("invitation.created", actions);
        Assert.Contains("invitation.accepted", actions);
        Assert.Contains("member.added", actions);
    }

    [Fact]
    public async Task AnAccountWhoseOwnerConfirmedTheAddressJoinsWithoutAPassword()
    {
        // Arrange: someone who joined a first tenant through an invitation (so their address is confirmed).
        var first = await TenantAdminScenario.CreateAsync(_seeder);
        var second = await TenantAdminScenario.CreateAsync(_seeder);
        var email = InvitationApi.NewAddress();
        var password = InvitationApi.NewPassword();
        await InvitationApi.InviteAsync(first.AdminHttp, first.TenantId, email, "Viewer");
        var (firstMail, firstToken) = await _api.ReadInvitationAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await _api.AcceptAsync(firstToken, password)).Status);

        // Act
        var (invited, _) = await InvitationApi.InviteAsync(second.AdminHttp, second.TenantId, email, "Member");
        var (_, token) = await _api.ReadInvitationAsync(email, [firstMail.Id]);
        var (_, preview) = await _api.PreviewAsync(token);
        var (withPassword, problem) = await _api.AcceptAsync(token, InvitationApi.NewPassword());
        var (accepted, acceptance) = await _api.AcceptAsync(token);

        // Assert: joined as they are; their own password still the one that works.
        Assert.Equal(HttpStatusCode.Accepted, invited);
        Assert.Equal("existing", preview["account"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, withPassword);
        Assert.Contains("password", problem.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, accepted);
        Assert.Equal("joined", acceptance["account"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, await _api.LoginStatusAsync(email, password));
        using var session = await _seeder.LoginAsync(email, password);
        var me = await session.GetFromJsonAsync<JsonObject>("/api/me", Ct);
        Assert.Equal(2, me!["memberships"]!.AsArray().Count);
    }

    /// <summary>
    /// The defect: tenant A's admin created an account for an address nobody verified, with a password
    /// of their own, and tenant C's admin later added the address as Admin. Now C's invitation reaches the
    /// mailbox, its owner takes the account over, and everything the squatter held ends.
    /// </summary>
    [Fact]
    public async Task ASecondTenantsInvitationToASquattedAddressReachesTheMailboxOwnerNotTheSquatter()
    {
        // Arrange: the squat, as accounts from before invitations are (admin-chosen password, address unverified),
        // with the squatter's session and API token in tenant A.
        var squatterTenant = await TenantAdminScenario.CreateAsync(_seeder);
        var squatted = await _seeder.CreateUserAsync(squatterTenant.TenantId, TenantRole.Admin);
        using var squatterSession = await _seeder.LoginAsync(squatted);
        using var tokenCreated = await squatterSession.PostAsJsonAsync(squatterTenant.Route("/tokens"),
            new { name = "squatter", scopes = new[] { "devices:read" }, expiresAt = DateTimeOffset.UtcNow.AddDays(30) }, Ct);
        Assert.Equal(HttpStatusCode.Created, tokenCreated.StatusCode);
        var squatterToken = (await tokenCreated.Content.ReadFromJsonAsync<JsonObject>(Ct))!["token"]!.GetValue<string>();
        var victim = await TenantAdminScenario.CreateAsync(_seeder);
        var ownersPassword = InvitationApi.NewPassword();
        // The worst case: operators had even made the squatted account a platform admin.
        await _seeder.ExecuteAsync("UPDATE users SET platform_role = 'Admin' WHERE id = @id", ("id", squatted.Id));

        // Act: tenant C invites the address as Admin; the mailbox's owner opens the link and sets a password.
        var (invited, invitation) = await InvitationApi.InviteAsync(victim.AdminHttp, victim.TenantId, squatted.Email, "Admin");
        var (_, token) = await _api.ReadInvitationAsync(squatted.Email);
        var (_, preview) = await _api.PreviewAsync(token);
        var (withoutPassword, _) = await _api.AcceptAsync(token);
        var (accepted, acceptance) = await _api.AcceptAsync(token, ownersPassword);

        // Assert: C's admin learned nothing about an existing account.
        Assert.Equal(HttpStatusCode.Accepted, invited);
        Assert.Equal("sent", invitation["state"]!.GetValue<string>());
        Assert.Equal("reclaim", preview["account"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, withoutPassword);
        Assert.Equal(HttpStatusCode.OK, accepted);
        Assert.Equal("reclaimed", acceptance["account"]!.GetValue<string>());
        // The squatter's password, session and token are dead; the owner signs in as Admin of C.
        Assert.Equal(HttpStatusCode.Unauthorized, await _api.LoginStatusAsync(squatted.Email, TestTenantSeeder.Password));
        Assert.Equal(HttpStatusCode.Unauthorized, (await squatterSession.GetAsync("/api/me", Ct)).StatusCode);
        using var squatterTokenClient = fixture.CreateApiClient();
        squatterTokenClient.DefaultRequestHeaders.Authorization = new("Bearer", squatterToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await squatterTokenClient.GetAsync(squatterTenant.Route("/devices"), Ct)).StatusCode);
        using var owner = await _seeder.LoginAsync(squatted.Email, ownersPassword);
        var me = await owner.GetFromJsonAsync<JsonObject>("/api/me", Ct);
        Assert.Contains(me!["memberships"]!.AsArray(), membership => membership!["tenantId"]!.GetValue<string>() == victim.TenantId.ToString()
            && membership["role"]!.GetValue<string>() == "Admin");
        Assert.Contains(await _seeder.AuditAsync(null, squatted.Id.ToString()), e => e.Action == "user.reclaimed");
        Assert.Equal("None", await _seeder.ScalarAsync<string>("SELECT platform_role FROM users WHERE id = @id", ("id", squatted.Id)));
    }

    /// <summary>
    /// A member from before invitations (admin-chosen password, address unconfirmed) is invited again by
    /// their own tenant: the mailbox's owner confirms the address by reclaiming the account, and the
    /// membership stays as it was. A member whose address is confirmed cannot be invited again.
    /// </summary>
    [Fact]
    public async Task ALegacyMemberConfirmsTheAddressThroughAnInvitationAndKeepsTheMembership()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var legacy = await _seeder.CreateUserAsync(tenant.TenantId, TenantRole.Member);
        var password = InvitationApi.NewPassword();

        var (invited, invitation) = await InvitationApi.InviteAsync(tenant.AdminHttp, tenant.TenantId, legacy.Email, "Viewer");
        Assert.True(invited == HttpStatusCode.Accepted, invitation.ToJsonString());
        var (_, token) = await _api.ReadInvitationAsync(legacy.Email);
        var (_, preview) = await _api.PreviewAsync(token);
        var (accepted, acceptance) = await _api.AcceptAsync(token, password);
        var (again, problem) = await InvitationApi.InviteAsync(tenant.AdminHttp, tenant.TenantId, legacy.Email, "Viewer");
        var member = await tenant.AdminHttp.GetFromJsonAsync<JsonObject>(tenant.Route($"/members/{legacy.Id}"), Ct);

        Assert.Equal("reclaim", preview["account"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, accepted);
        Assert.Equal("reclaimed", acceptance["account"]!.GetValue<string>());
        Assert.Equal("Member", member!["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, await _api.LoginStatusAsync(legacy.Email, password));
        Assert.Equal(HttpStatusCode.Unauthorized, await _api.LoginStatusAsync(legacy.Email, TestTenantSeeder.Password));
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal("already-member", problem["code"]!.GetValue<string>());
    }

    /// <summary>The inviting admin's answer is the same whether the address has an account or not: the route enumerates nobody.</summary>
    [Fact]
    public async Task TheAnswerIsTheSameWhetherTheAddressHasAnAccountOrNot()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var withAccount = await _seeder.CreateUserAsync(await _seeder.CreateTenantAsync(), TenantRole.Admin);

        var (knownStatus, known) = await InvitationApi.InviteAsync(tenant.AdminHttp, tenant.TenantId, withAccount.Email, "Viewer");
        var (unknownStatus, unknown) = await InvitationApi.InviteAsync(tenant.AdminHttp, tenant.TenantId, InvitationApi.NewAddress(), "Viewer");

        Assert.Equal(HttpStatusCode.Accepted, knownStatus);
        Assert.Equal(knownStatus, unknownStatus);
        Assert.Equal(Shape(unknown), Shape(known));

        // Keys and the values that could differ by account: state, delivery, acceptance.
        static string Shape(JsonObject body) => string.Join(',', body.Select(pair => pair.Key)) + "|" + body["state"] + "|"
            + body["deliveryFailure"] + "|" + body["acceptedUserId"] + "|" + body["sendCount"];
    }

    [Fact]
    public async Task AResendReplacesTheLinkAndARevokeEndsIt()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var email = InvitationApi.NewAddress();
        var (_, invitation) = await InvitationApi.InviteAsync(tenant.AdminHttp, tenant.TenantId, email, "Member");
        var route = tenant.Route($"/invitations/{invitation["id"]}");
        var (firstMail, firstToken) = await _api.ReadInvitationAsync(email);

        using var resent = await tenant.AdminHttp.PostAsync($"{route}/resend", null, Ct);
        var (secondMail, secondToken) = await _api.ReadInvitationAsync(email, [firstMail.Id]);
        var (oldLink, oldProblem) = await _api.PreviewAsync(firstToken);
        var (newLink, _) = await _api.PreviewAsync(secondToken);
        using var again = await tenant.AdminHttp.PostAsJsonAsync(tenant.Route("/members"), new { email, role = "Member" }, Ct);
        using var revoked = await tenant.AdminHttp.PostAsync($"{route}/revoke", null, Ct);
        var (afterRevoke, _) = await _api.PreviewAsync(secondToken);
        using var resendRevoked = await tenant.AdminHttp.PostAsync($"{route}/resend", null, Ct);
        var listed = await tenant.AdminHttp.GetFromJsonAsync<JsonObject>(tenant.Route("/invitations?state=revoked"), Ct);

        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.NotEqual(firstMail.Id, secondMail.Id);
        Assert.NotEqual(firstToken, secondToken);
        Assert.Equal(HttpStatusCode.NotFound, oldLink);
        Assert.EndsWith("invitation-not-found", oldProblem["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, newLink);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("invitation-open", await again.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterRevoke);
        Assert.Equal(HttpStatusCode.Conflict, resendRevoked.StatusCode);
        Assert.Contains(listed!["items"]!.AsArray(), item => item!["id"]!.GetValue<string>() == invitation["id"]!.GetValue<string>()
            && item["state"]!.GetValue<string>() == "revoked");
    }

    /// <summary>Every link that does not work gets one answer, whatever the reason: nothing tells a guess from a used link.</summary>
    [Fact]
    public async Task EveryUnusableLinkGetsTheSameAnswer()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        async Task<string> IssuedAsync()
        {
            var email = InvitationApi.NewAddress();
            await InvitationApi.InviteAsync(tenant.AdminHttp, tenant.TenantId, email, "Viewer");
            return (await _api.ReadInvitationAsync(email)).Token;
        }

        var expired = await IssuedAsync();
        await _seeder.ExecuteAsync("UPDATE invitations SET expires_at = now() - interval '1 second' WHERE token_id = @id",
            ("id", expired["pli_".Length..("pli_".Length + 22)]));
        var used = await IssuedAsync();
        Assert.Equal(HttpStatusCode.OK, (await _api.AcceptAsync(used, InvitationApi.NewPassword())).Status);
        var valid = await IssuedAsync();
        string?[] tokens =
        [
            null, "", "pli_", "pli_x", "plt_" + valid["pli_".Length..], "pls_" + valid["pli_".Length..],
            valid[..^1] + (valid[^1] == 'A' ? 'B' : 'A'), valid + "A", valid.ToUpperInvariant(), "pli_" + new string('A', 300),
            expired, used,
        ];

        foreach (var token in tokens)
        {
            var (previewStatus, previewBody) = await _api.PreviewAsync(token!);
            var (acceptStatus, acceptBody) = await _api.AcceptAsync(token!, InvitationApi.NewPassword());
            Assert.Equal(HttpStatusCode.NotFound, previewStatus);
            Assert.Equal(HttpStatusCode.NotFound, acceptStatus);
            Assert.EndsWith("invitation-not-found", previewBody["type"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(previewBody["title"]!.GetValue<string>(), acceptBody["title"]!.GetValue<string>());
        }

        Assert.Equal(HttpStatusCode.OK, (await _api.PreviewAsync(valid)).Status);
    }

    [Fact]
    public async Task AnotherTenantsAdminFindsNoInvitation()
    {
        var tenantA = await TenantAdminScenario.CreateAsync(_seeder);
        var tenantB = await TenantAdminScenario.CreateAsync(_seeder);
        var email = InvitationApi.NewAddress();
        var (_, invitation) = await InvitationApi.InviteAsync(tenantA.AdminHttp, tenantA.TenantId, email, "Member");
        var id = invitation["id"]!.GetValue<string>();

        HttpResponseMessage[] responses =
        [
            await tenantB.AdminHttp.GetAsync(tenantA.Route($"/invitations/{id}"), Ct),
            await tenantB.AdminHttp.GetAsync(tenantA.Route("/invitations"), Ct),
            await tenantB.AdminHttp.PostAsync(tenantA.Route($"/invitations/{id}/resend"), null, Ct),
            await tenantB.AdminHttp.PostAsync(tenantA.Route($"/invitations/{id}/revoke"), null, Ct),
            // Its own tenant's route with the other tenant's id: the invitation is not there either.
            await tenantB.AdminHttp.GetAsync(tenantB.Route($"/invitations/{id}"), Ct),
            await tenantB.AdminHttp.PostAsync(tenantB.Route($"/invitations/{id}/revoke"), null, Ct),
        ];

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(email, await response.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
            response.Dispose();
        }

        var still = await tenantA.AdminHttp.GetFromJsonAsync<JsonObject>(tenantA.Route($"/invitations/{id}"), Ct);
        Assert.Equal("sent", still!["state"]!.GetValue<string>());
    }
}
