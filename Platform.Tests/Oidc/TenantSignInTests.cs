using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Tenancy;
using Platform.Tests.IdentityProviders;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Oidc;

/// <summary>
/// Tenants' own providers, each a realm of the real development provider: sign-in with JIT and
/// mapping rules, tenant binding of sessions and access tokens, the admin's test sign-in, expiry.
/// Providers are registered straight in the database (their configuration API is tested apart).
/// </summary>
[Collection(OidcAppCollection.Name)]
public sealed class TenantSignInTests(OidcAppFixture fixture)
{
    private readonly OidcApi _api = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OidcDevRealm RealmA => fixture.Provider.Realm(OidcAppFixture.TenantARealm);

    private OidcDevRealm RealmB => fixture.Provider.Realm(OidcAppFixture.TenantBRealm);

    [Fact]
    public async Task JitGivesTheDefaultRoleOrTheMappedOneInTheProvidersTenantOnly()
    {
        // Arrange: tenant A's provider (JIT Viewer; group "engineers" → Member), tenant B's own.
        var seeder = new TestTenantSeeder(_api.Stack);
        var (tenantA, providerA) = await TenantWithProviderAsync(seeder, RealmA, "Enabled", domains: ["example.com"],
            rules: """[{"claim":"groups","value":"engineers","role":"Member"}]""");
        var (tenantB, _) = await TenantWithProviderAsync(seeder, RealmB, "Enabled");

        // Act
        var (engineer, engineerBody) = await _api.SignedInAsync(RealmA, "a-engineer", providerA);
        var (plain, _) = await _api.SignedInAsync(RealmA, "a-plain", providerA);
        using var outsider = await _api.SignInAsync(RealmA, "a-outsider", providerA);

        // Assert
        Assert.Equal("Member", await RoleInAsync(engineer, tenantA));
        Assert.Equal("Viewer", await RoleInAsync(plain, tenantA));
        Assert.Equal(HttpStatusCode.Unauthorized, outsider.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await _api.StatusAsync(engineer, $"/api/tenants/{tenantA}/organizations"));
        Assert.Equal(HttpStatusCode.NotFound, await _api.StatusAsync(engineer, $"/api/tenants/{tenantB}/organizations"));
        Assert.Equal("None", engineerBody["user"]!["platformRole"]!.GetValue<string>());
    }

    [Fact]
    public async Task EachTenantsProviderSignsInItsOwnPeopleAndItsAuditHoldsTheLoginsAndRefusals()
    {
        // Arrange: tenant A's provider admits example.com only; tenant B has its own provider.
        var seeder = new TestTenantSeeder(_api.Stack);
        var (tenantA, providerA) = await TenantWithProviderAsync(seeder, RealmA, "Enabled", domains: ["example.com"]);
        var (tenantB, providerB) = await TenantWithProviderAsync(seeder, RealmB, "Enabled");

        // Act
        var (asA, bodyA) = await _api.SignedInAsync(RealmA, "a-plain", providerA);
        var (asB, bodyB) = await _api.SignedInAsync(RealmB, "b-user", providerB);
        using var refused = await _api.SignInAsync(RealmA, "a-outsider", providerA);

        // Assert: each person is a member of their provider's tenant only.
        Assert.Equal("Viewer", await RoleInAsync(asA, tenantA));
        Assert.Null(await RoleInAsync(asA, tenantB));
        Assert.Equal("Viewer", await RoleInAsync(asB, tenantB));
        Assert.Null(await RoleInAsync(asB, tenantA));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        // Each tenant's audit chain has its own logins; A's also the refusal, with its reason.
        var userA = bodyA["user"]!["id"]!.GetValue<string>();
        var userB = bodyB["user"]!["id"]!.GetValue<string>();
        var auditA = await seeder.AuditAsync(tenantA);
        var auditB = await seeder.AuditAsync(tenantB);
        Assert.Contains(auditA, entry => entry is { Action: "sso.login", Outcome: "Success" } && entry.ActorId == userA);
        Assert.Contains(auditA, entry => entry is { Action: "sso.login", Outcome: "Failure" }
            && entry.After.Contains("email-domain-not-allowed", StringComparison.Ordinal));
        Assert.Contains(auditB, entry => entry is { Action: "sso.login", Outcome: "Success" } && entry.ActorId == userB);
        Assert.DoesNotContain(auditA, entry => entry.ActorId == userB);
        Assert.DoesNotContain(auditB, entry => entry.ActorId == userA || entry.Outcome == "Failure");
    }

    [Fact]
    public async Task AProviderCannotClaimTheAccountOfSomeoneOutsideItsTenant()
    {
        // Arrange: an account of another tenant's admin whose e-mail A's provider asserts (verified).
        var seeder = new TestTenantSeeder(_api.Stack);
        var (tenantA, providerA) = await TenantWithProviderAsync(seeder, RealmA, "Enabled");
        var otherTenant = await seeder.CreateTenantAsync();
        var account = Guid.NewGuid();
        await seeder.ExecuteAsync("""
            INSERT INTO users (id, email, display_name, platform_role, failed_login_count, created_at)
            VALUES (@id, @email, 'Someone', 'None', 0, now())
            """, ("id", account), ("email", fixture.Email("a-plain")));
        await seeder.AddMemberAsync(otherTenant, account, TenantRole.Admin);

        // Act
        using var refused = await _api.SignInAsync(RealmA, "a-plain", providerA);

        // Assert: refused and audited with the reason; nothing linked, no membership in A.
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(0L, await seeder.ScalarAsync<long>("SELECT count(*) FROM external_identities WHERE user_id = @id", ("id", account)));
        Assert.Equal(0L, await seeder.ScalarAsync<long>(
            "SELECT count(*) FROM tenant_memberships WHERE tenant_id = @tenant AND user_id = @id", ("tenant", tenantA), ("id", account)));
        Assert.Contains(await seeder.AuditAsync(tenantA), entry => entry is { Action: "sso.login", Outcome: "Failure" }
            && entry.After.Contains("email-of-an-account-outside-the-tenant", StringComparison.Ordinal));

        // Once A's admins make the person a member, A's provider links that same account.
        await seeder.AddMemberAsync(tenantA, account, TenantRole.Viewer);
        var (_, body) = await _api.SignedInAsync(RealmA, "a-plain", providerA);
        Assert.Equal(account.ToString(), body["user"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task TenantAsProviderReachesNothingOfTenantBEvenForAMemberOfBoth()
    {
        // Arrange: the engineer signs in through A's provider, and is also made a member of B.
        var seeder = new TestTenantSeeder(_api.Stack);
        var (tenantA, providerA) = await TenantWithProviderAsync(seeder, RealmA, "Enabled");
        var (tenantB, _) = await TenantWithProviderAsync(seeder, RealmB, "Enabled");
        var (session, body) = await _api.SignedInAsync(RealmA, "a-engineer", providerA);
        var userId = Guid.Parse(body["user"]!["id"]!.GetValue<string>());
        await seeder.AddMemberAsync(tenantB, userId, TenantRole.Admin);
        var accessToken = (await RealmA.AuthorizationCodeTokenAsync(OidcAppFixture.TenantClient, "a-engineer", cancellationToken: Ct)).AccessToken;
        var bearer = _api.WithBearer(accessToken);

        // Act + Assert: A's session and A's access token work in A, in B they find nothing.
        Assert.Equal(HttpStatusCode.OK, await _api.StatusAsync(session, $"/api/tenants/{tenantA}/organizations"));
        Assert.Equal(HttpStatusCode.OK, await _api.StatusAsync(bearer, $"/api/tenants/{tenantA}/organizations"));
        Assert.Equal(HttpStatusCode.NotFound, await _api.StatusAsync(session, $"/api/tenants/{tenantB}/organizations"));
        Assert.Equal(HttpStatusCode.NotFound, await _api.StatusAsync(bearer, $"/api/tenants/{tenantB}/organizations"));
        Assert.Equal(HttpStatusCode.NotFound, await _api.StatusAsync(bearer, $"/api/tenants/{tenantB}/members"));
        // Outside tenant routes the access token is refused; the session may see its own user, in A only.
        Assert.Equal(HttpStatusCode.Forbidden, await _api.StatusAsync(bearer, "/api/me"));
        var me = await session.GetFromJsonAsync<JsonObject>("/api/me", Ct);
        Assert.Equal([tenantA.ToString()], me!["memberships"]!.AsArray().Select(m => m!["tenantId"]!.GetValue<string>()));
        Assert.Equal("None", me["platformRole"]!.GetValue<string>());
        var tenants = await session.GetFromJsonAsync<JsonObject>("/api/tenants", Ct);
        Assert.Equal([tenantA.ToString()], tenants!["items"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()));
        // The token may not mint platform credentials either.
        using var minted = await bearer.PostAsJsonAsync($"/api/tenants/{tenantA}/tokens",
            new { name = "from sso", scopes = new[] { "devices:read" }, expiresAt = DateTimeOffset.UtcNow.AddDays(1) }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, minted.StatusCode);
    }

    [Fact]
    public async Task AProviderNotYetEnabledSignsNobodyIn()
    {
        var seeder = new TestTenantSeeder(_api.Stack);
        var (_, provider) = await TenantWithProviderAsync(seeder, RealmB, "Tested");
        var http = _api.Stack.CreateApiClient();

        using var start = await http.PostAsJsonAsync("/api/auth/oidc/authorize",
            new { providerId = provider, redirectUri = OidcAppFixture.RedirectUri }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
    }

    /// <summary>
    /// A tenant's provider that does not say the address is verified provisions nobody: a global account
    /// holding an address its owner never confirmed would receive that address's later invitations.
    /// </summary>
    [Fact]
    public async Task JitProvisionsNobodyFromAnAddressTheProviderDoesNotVouchFor()
    {
        var seeder = new TestTenantSeeder(_api.Stack);
        var (tenant, provider) = await TenantWithProviderAsync(seeder, RealmA, "Enabled");

        using var response = await _api.SignInAsync(RealmA, "a-unverified", provider);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0L, await seeder.ScalarAsync<long>("SELECT count(*) FROM users WHERE email = @email",
            ("email", fixture.Email("a-unverified"))));
        Assert.Contains(await seeder.AuditAsync(tenant), e => e.Action == "sso.login" && e.After.Contains("email-not-verified"));
    }

    /// <summary>A tenant's provider vouches inside its tenant only: the account it provisions stays unverified for the platform.</summary>
    [Fact]
    public async Task AnAccountATenantsProviderProvisionedIsNotVerifiedForThePlatform()
    {
        var seeder = new TestTenantSeeder(_api.Stack);
        var (_, provider) = await TenantWithProviderAsync(seeder, RealmA, "Enabled");

        var (_, body) = await _api.SignedInAsync(RealmA, "a-plain", provider);

        Assert.False(await seeder.ScalarAsync<bool>("SELECT email_verified_at IS NOT NULL FROM users WHERE id = @id",
            ("id", Guid.Parse(body["user"]!["id"]!.GetValue<string>()))));
    }

    [Fact]
    public async Task WithoutJitOnlyLinkedIdentitiesComeIn()
    {
        var seeder = new TestTenantSeeder(_api.Stack);
        var (_, provider) = await TenantWithProviderAsync(seeder, RealmB, "Enabled", jit: false);

        using var response = await _api.SignInAsync(RealmB, "b-user", provider);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AnAdminsTestSignInMarksTheProviderTestedWithoutASession()
    {
        // Arrange: a configured provider; its tenant's admin and a plain member, signed in locally.
        var seeder = new TestTenantSeeder(_api.Stack);
        var (tenant, provider) = await TenantWithProviderAsync(seeder, RealmB, "Configured");
        var admin = await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Admin));
        var member = await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Member));

        // Act
        using var byMember = await member.PostAsJsonAsync("/api/auth/oidc/authorize",
            new { providerId = provider, redirectUri = OidcAppFixture.RedirectUri, test = true }, Ct);
        using var tested = await _api.SignInAsync(RealmB, "b-user", provider, admin, test: true);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tested.StatusCode);
        var body = (await tested.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.True(body["tested"]!.GetValue<bool>());
        Assert.Null(body["token"]);
        Assert.Equal(fixture.Email("b-user"), body["email"]!.GetValue<string>());
        Assert.Equal("Tested", await ProviderStateAsync(provider));
    }

    [Fact]
    public async Task UnderEnforcementOnlyTheBreakGlassAdminRunsATestSignIn()
    {
        // Arrange: a configured provider in a tenant whose other provider is enforced.
        var seeder = new TestTenantSeeder(_api.Stack);
        var (tenant, provider) = await TenantWithProviderAsync(seeder, RealmB, "Configured");
        var breakGlass = await seeder.CreateUserAsync(tenant, TenantRole.Admin);
        using var admin = await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Admin));
        await IdentityProviderFixtures.InsertEnforcedAsync(seeder, tenant, breakGlass.Id);

        // Act: the password sessions of an ordinary admin and of the break-glass admin each try.
        using var byAdmin = await _api.SignInAsync(RealmB, "b-user", provider, admin, test: true);
        var stateAfterAdmin = await ProviderStateAsync(provider);
        using var asBreakGlass = await seeder.LoginAsync(breakGlass);
        using var byBreakGlass = await _api.SignInAsync(RealmB, "b-user", provider, asBreakGlass, test: true);

        // Assert: only the break-glass admin still acts for the tenant with a password.
        Assert.Equal(HttpStatusCode.Unauthorized, byAdmin.StatusCode);
        Assert.Equal("Configured", stateAfterAdmin);
        Assert.Equal(HttpStatusCode.OK, byBreakGlass.StatusCode);
        Assert.Equal("Tested", await ProviderStateAsync(provider));
    }

    [Fact]
    public async Task AnEntraDirectoryUserWithoutAnEmailClaimIsKnownByTidAndOid()
    {
        // Arrange: an Entra ID provider of this directory; a user of another directory at the same issuer.
        var seeder = new TestTenantSeeder(_api.Stack);
        var realm = fixture.Provider.Realm(fixture.EntraRealm);
        var (tenant, provider) = await TenantWithProviderAsync(seeder, realm, "Enabled", entraDirectory: fixture.EntraDirectoryId.ToString());

        // Act
        var (session, body) = await _api.SignedInAsync(realm, "e-alice", provider);
        using var foreign = await _api.SignInAsync(realm, "e-foreign", provider);
        var accessToken = (await realm.AuthorizationCodeTokenAsync(OidcAppFixture.TenantClient, "e-alice", cancellationToken: Ct)).AccessToken;

        // Assert: the e-mail from preferred_username, the identity keyed by tid:oid, the other directory refused.
        Assert.Equal(fixture.Email("e-alice"), body["user"]!["email"]!.GetValue<string>());
        Assert.Equal("Viewer", await RoleInAsync(session, tenant));
        var oid = realm.User("e-alice").Spec.Claims!["oid"]!.ToString();
        Assert.Equal($"{fixture.EntraDirectoryId}:{oid}", await SubjectOfAsync(provider));
        Assert.Equal(HttpStatusCode.Unauthorized, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await _api.StatusAsync(_api.WithBearer(accessToken), $"/api/tenants/{tenant}/organizations"));
    }

    [Fact]
    public async Task AnExpiredAccessTokenIsRefused()
    {
        // Arrange: a provider whose access tokens live one second; the person is linked by a sign-in.
        var seeder = new TestTenantSeeder(_api.Stack);
        var realm = fixture.Provider.Realm(OidcAppFixture.ShortRealm);
        var (tenant, provider) = await TenantWithProviderAsync(seeder, realm, "Enabled");
        await _api.SignedInAsync(realm, "s-user", provider);
        var token = await realm.AuthorizationCodeTokenAsync(OidcAppFixture.TenantClient, "s-user", cancellationToken: Ct);
        var bearer = _api.WithBearer(token.AccessToken);
        var path = $"/api/tenants/{tenant}/organizations";
        Assert.Equal(HttpStatusCode.OK, await _api.StatusAsync(bearer, path));

        // Act: past its expiry and the 30 seconds of allowed clock skew.
        var expires = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token.AccessToken).ValidTo;
        var wait = expires.AddSeconds(32) - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, Ct);
        }

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, await _api.StatusAsync(bearer, path));
    }

    private async Task<(Guid Tenant, Guid Provider)> TenantWithProviderAsync(TestTenantSeeder seeder, OidcDevRealm realm, string state,
        string[]? domains = null, string rules = "[]", bool jit = true, string? entraDirectory = null)
    {
        var tenant = await seeder.CreateTenantAsync();
        var provider = Guid.CreateVersion7();
        // A realm is one tenant's app registration at a time: earlier tests' tenants that registered
        // it step back, or a person linked in both would make its access tokens ambiguous (refused).
        await seeder.ExecuteAsync("UPDATE identity_providers SET state = 'Configured' WHERE issuer = @issuer",
            ("issuer", realm.Issuer));
        // And the people it provisioned for them start anew: a provider never links an account
        // outside its own tenant (SignInRefusal.EmailOfAnotherAccount).
        await seeder.ExecuteAsync("DELETE FROM users WHERE email = ANY(@emails)",
            ("emails", realm.Users.Select(user => user.Email.ToLowerInvariant()).ToArray()));
        await seeder.ExecuteAsync("""
            INSERT INTO identity_providers (tenant_id, id, name, kind, issuer, client_id, audience, allowed_email_domains, jit_enabled,
                                            default_role, mapping_rules, state, entra_directory_id, created_at, updated_at)
            VALUES (@tenant, @id, 'Test provider', @kind, @issuer, @client, @audience, @domains, @jit, 'Viewer', @rules::jsonb, @state,
                    @entra, now(), now())
            """, ("tenant", tenant), ("id", provider), ("kind", entraDirectory is null ? "Oidc" : "EntraId"), ("issuer", realm.Issuer),
            ("client", OidcAppFixture.TenantClient), ("audience", realm.Audience), ("domains", domains ?? []), ("jit", jit), ("rules", rules),
            ("state", state), ("entra", (object?)entraDirectory ?? DBNull.Value));
        return (tenant, provider);
    }

    private static async Task<string?> RoleInAsync(HttpClient session, Guid tenant)
    {
        var me = await session.GetFromJsonAsync<JsonObject>("/api/me", Ct);
        return me!["memberships"]!.AsArray().SingleOrDefault(m => m!["tenantId"]!.GetValue<string>() == tenant.ToString())?["role"]?.GetValue<string>();
    }

    private Task<string> ProviderStateAsync(Guid provider) =>
        new TestTenantSeeder(_api.Stack).ScalarAsync<string>("SELECT state FROM identity_providers WHERE id = @id", ("id", provider));

    private Task<string> SubjectOfAsync(Guid provider) =>
        new TestTenantSeeder(_api.Stack).ScalarAsync<string>("SELECT subject FROM external_identities WHERE provider_id = @id", ("id", provider));
}
