using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Core.Tenancy;
using Platform.Tests.IdentityProviders;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Oidc;

/// <summary>
/// Sign-in through the platform's OpenID provider (a real development provider process) and its
/// access tokens at the API: end to end over HTTP, with the provider's real keys and a forger's.
/// </summary>
[Collection(OidcAppCollection.Name)]
public sealed class PlatformSignInTests(OidcAppFixture fixture)
{
    private readonly OidcApi _api = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OidcDevRealm Platform => fixture.Provider.Realm(OidcAppFixture.PlatformRealm);

    [Fact]
    public async Task ANewPersonSignsInGetsAUserWithoutMembershipsAndTheSessionWorks()
    {
        // Act
        var (session, body) = await _api.SignedInAsync(Platform, "p-new");

        // Assert
        Assert.Equal(fixture.Email("p-new"), body["user"]!["email"]!.GetValue<string>());
        Assert.Equal("None", body["user"]!["platformRole"]!.GetValue<string>());
        Assert.StartsWith("pls_", body["token"]!.GetValue<string>(), StringComparison.Ordinal);
        var me = await session.GetFromJsonAsync<JsonObject>("/api/me", Ct);
        Assert.Equal(body["user"]!["id"]!.GetValue<string>(), me!["id"]!.GetValue<string>());
        Assert.Empty(me["memberships"]!.AsArray());

        // The platform's own provider vouched for the address: the account's address is verified.
        Assert.True(await new TestTenantSeeder(_api.Stack).ScalarAsync<bool>(
            "SELECT email_verified_at IS NOT NULL FROM users WHERE email = @email", ("email", fixture.Email("p-new"))));

        // Signing in again finds the same user through the link.
        var (_, again) = await _api.SignedInAsync(Platform, "p-new");
        Assert.Equal(body["user"]!["id"]!.GetValue<string>(), again["user"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task AStateWorksOnce()
    {
        // Arrange
        var http = _api.Stack.CreateApiClient();
        var (url, state) = await _api.StartAsync(http);
        var callback = await OidcApi.BrowseAsync(url, Platform.User("p-new"));

        // Act
        using var first = await OidcApi.CallbackAsync(http, state, callback.Code!);
        using var replayed = await OidcApi.CallbackAsync(http, state, callback.Code!);

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal("https://platform.example/problems/sso-refused", (await replayed.Content.ReadFromJsonAsync<JsonObject>(Ct))!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUnknownStateOrACodeOfAnotherSignInIsRefused()
    {
        // Arrange: two sign-ins started; the browser finishes the first.
        var http = _api.Stack.CreateApiClient();
        var (url, state) = await _api.StartAsync(http);
        var (_, otherState) = await _api.StartAsync(http);
        var callback = await OidcApi.BrowseAsync(url, Platform.User("p-new"));

        // Act: the first code with a made-up state, then with the other sign-in's state (its PKCE
        // verifier and nonce are not the ones this code was issued for).
        using var unknown = await OidcApi.CallbackAsync(http, Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)), callback.Code!);
        using var crossed = await OidcApi.CallbackAsync(http, otherState, callback.Code!);
        // The crossed attempt is used up; the provider refused the code for the wrong PKCE verifier
        // without spending it, so the rightful sign-in still completes with it.
        using var late = await OidcApi.CallbackAsync(http, state, callback.Code!);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, crossed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        using var crossedAgain = await OidcApi.CallbackAsync(http, otherState, callback.Code!);
        Assert.Equal(HttpStatusCode.Unauthorized, crossedAgain.StatusCode);
    }

    [Fact]
    public async Task ARedirectUriOutsideTheListIsRefused()
    {
        var http = _api.Stack.CreateApiClient();

        using var response = await http.PostAsJsonAsync("/api/auth/oidc/authorize",
            new { redirectUri = "https://attacker.example/signin-oidc" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AVerifiedEmailOfAnExistingUserLinksToThatUser()
    {
        // Arrange
        var seeder = new TestTenantSeeder(_api.Stack);
        var tenant = await seeder.CreateTenantAsync();
        var existing = Guid.NewGuid();
        await seeder.ExecuteAsync("""
            INSERT INTO users (id, email, display_name, platform_role, failed_login_count, created_at, email_verified_at)
            VALUES (@id, @email, 'Existing', 'None', 0, now(), now())
            """, ("id", existing), ("email", fixture.Email("p-link")));
        await seeder.AddMemberAsync(tenant, existing, TenantRole.Member);

        // Act
        var (session, body) = await _api.SignedInAsync(Platform, "p-link");

        // Assert: the same user, with their membership.
        Assert.Equal(existing.ToString(), body["user"]!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, await _api.StatusAsync(session, $"/api/tenants/{tenant}/organizations"));
        Assert.Contains("sso.identity-linked", await PlatformAuditActionsAsync(existing));
    }

    /// <summary>
    /// An account whose address nobody confirmed (an admin typed it in, with a password of their choosing)
    /// is not handed to whoever the provider vouches for: its password may be a squatter's. The mailbox's
    /// owner reclaims it through an invitation instead.
    /// </summary>
    [Fact]
    public async Task AnAccountWhoseAddressNobodyConfirmedIsNotLinked()
    {
        // Arrange: a squatted account, with a password and a membership.
        var seeder = new TestTenantSeeder(_api.Stack);
        var tenant = await seeder.CreateTenantAsync();
        var squatted = Guid.NewGuid();
        await seeder.ExecuteAsync("""
            INSERT INTO users (id, email, display_name, platform_role, password_hash, failed_login_count, created_at)
            VALUES (@id, @email, 'Squatted', 'None', 'not-a-hash', 0, now())
            """, ("id", squatted), ("email", fixture.Email("p-squatted")));
        await seeder.AddMemberAsync(tenant, squatted, TenantRole.Admin);

        // Act
        using var response = await _api.SignInAsync(Platform, "p-squatted");

        // Assert: refused with its reason, nothing linked, no session.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0L, await seeder.ScalarAsync<long>("SELECT count(*) FROM external_identities WHERE user_id = @user", ("user", squatted)));
        Assert.Equal(0L, await seeder.ScalarAsync<long>("SELECT count(*) FROM sessions WHERE user_id = @user", ("user", squatted)));
        Assert.Contains(await seeder.AuditAsync(null), e => e.Action == "sso.login" && e.After.Contains("account-email-unverified"));
    }

    [Fact]
    public async Task AProviderAssertingAServiceAccountsEmailSignsNobodyIn()
    {
        // Arrange: a service account whose reserved e-mail the provider claims as verified.
        var seeder = new TestTenantSeeder(_api.Stack);
        var tenant = await seeder.CreateTenantAsync();
        var robot = fixture.ServiceAccountId;
        await seeder.ExecuteAsync("""
            INSERT INTO users (id, email, display_name, platform_role, failed_login_count, created_at, kind)
                VALUES (@id, @email, 'Robot', 'None', 0, now(), 'ServiceAccount');
            INSERT INTO tenant_memberships (tenant_id, user_id, role, created_at) VALUES (@tenant, @id, 'Admin', now());
            INSERT INTO service_accounts (tenant_id, id, description, created_at, updated_at) VALUES (@tenant, @id, '', now(), now());
            """, ("id", robot), ("email", global::Platform.Core.Identity.User.ServiceAccountEmail(robot)), ("tenant", tenant));

        // Act
        using var response = await _api.SignInAsync(Platform, "p-robot");

        // Assert: refused, nothing linked, no session opened for the account.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("sso.identity-linked", await PlatformAuditActionsAsync(robot));
        Assert.Equal(0L, await seeder.ScalarAsync<long>("SELECT count(*) FROM sessions WHERE user_id = @user", ("user", robot)));
        Assert.Equal(0L, await seeder.ScalarAsync<long>("SELECT count(*) FROM external_identities WHERE user_id = @user", ("user", robot)));
    }

    [Fact]
    public async Task AnUnverifiedEmailGetsNoAccount()
    {
        using var response = await _api.SignInAsync(Platform, "p-unverified");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task APlatformAccessTokenActsAsTheLinkedUserWithoutPlatformRole()
    {
        // Arrange: linked by a sign-in; then an access token from the provider itself.
        var (_, body) = await _api.SignedInAsync(Platform, "p-token");
        var tokens = await Platform.AuthorizationCodeTokenAsync(OidcAppFixture.PlatformClient, "p-token", cancellationToken: Ct);
        var bearer = _api.WithBearer(tokens.AccessToken);

        // Act
        var me = await bearer.GetFromJsonAsync<JsonObject>("/api/me", Ct);

        // Assert
        Assert.Equal(body["user"]!["id"]!.GetValue<string>(), me!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, await _api.StatusAsync(bearer, $"/api/tenants/{Guid.NewGuid()}/organizations"));
        Assert.Equal(HttpStatusCode.Forbidden, await _api.StatusAsync(bearer, "/api/admin/audit"));
    }

    [Fact]
    public async Task ATenantEnforcingSsoRefusesThePlatformProvidersSessionAndAccessTokenOfItsMember()
    {
        // Arrange: a person of the platform's provider is a member of a tenant that then enforces its own provider.
        var (session, body) = await _api.SignedInAsync(Platform, "p-member");
        var tokens = await Platform.AuthorizationCodeTokenAsync(OidcAppFixture.PlatformClient, "p-member", cancellationToken: Ct);
        var bearer = _api.WithBearer(tokens.AccessToken);
        var seeder = new TestTenantSeeder(_api.Stack);
        var tenant = await seeder.CreateTenantAsync();
        await seeder.AddMemberAsync(tenant, Guid.Parse(body["user"]!["id"]!.GetValue<string>()), TenantRole.Member);
        var breakGlass = await seeder.CreateUserAsync(tenant, TenantRole.Admin);
        var route = $"/api/tenants/{tenant}/organizations";
        var before = (await _api.StatusAsync(session, route), await _api.StatusAsync(bearer, route));

        // Act
        await IdentityProviderFixtures.InsertEnforcedAsync(seeder, tenant, breakGlass.Id);

        // Assert: neither the platform provider's session nor its access token is this tenant's provider.
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), before);
        foreach (var client in new[] { session, bearer })
        {
            using var refused = await client.GetAsync(route, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("https://platform.example/problems/sso-required", (await refused.Content.ReadFromJsonAsync<JsonObject>(Ct))!["type"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task AnAccessTokenOfAnUnlinkedSubjectIsRefused()
    {
        var tokens = await Platform.AuthorizationCodeTokenAsync(OidcAppFixture.PlatformClient, "p-stranger", cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, await _api.StatusAsync(_api.WithBearer(tokens.AccessToken), "/api/me"));
    }

    [Fact]
    public async Task AnAccessTokenForAnotherAudienceIsRefused()
    {
        await _api.SignedInAsync(Platform, "p-token");
        var tokens = await Platform.AuthorizationCodeTokenAsync(OidcAppFixture.PlatformClient, "p-token",
            resource: OidcAppFixture.OtherAudience, cancellationToken: Ct);
        Assert.Equal(OidcAppFixture.OtherAudience, new JsonWebToken(tokens.AccessToken).Audiences.Single());

        Assert.Equal(HttpStatusCode.Unauthorized, await _api.StatusAsync(_api.WithBearer(tokens.AccessToken), "/api/me"));
    }

    [Fact]
    public async Task AnAccessTokenOfAnotherIssuerIsRefusedForTheSameSubject()
    {
        // Same sub ("p-new") and audience, but a realm the platform does not know.
        await _api.SignedInAsync(Platform, "p-new");
        var foreign = fixture.Provider.Realm(OidcAppFixture.UnregisteredRealm);
        var tokens = await foreign.AuthorizationCodeTokenAsync(OidcAppFixture.PlatformClient, "p-new", cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, await _api.StatusAsync(_api.WithBearer(tokens.AccessToken), "/api/me"));
    }

    [Fact]
    public async Task ATokenSignedWithAnotherKeyIsRefusedWhateverItsKeyId()
    {
        // Arrange: the real token's claims, re-signed by a forger's RSA key.
        await _api.SignedInAsync(Platform, "p-token");
        var real = new JsonWebToken((await Platform.AuthorizationCodeTokenAsync(OidcAppFixture.PlatformClient, "p-token", cancellationToken: Ct)).AccessToken);
        Assert.Equal(HttpStatusCode.OK, await _api.StatusAsync(_api.WithBearer(real.EncodedToken), "/api/me"));
        using var rsa = RSA.Create(2048);

        foreach (var keyId in new[] { real.Kid, "forged-key", null })
        {
            var key = new RsaSecurityKey(rsa) { KeyId = keyId };
            var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = real.Issuer,
                Audience = real.Audiences.Single(),
                Subject = new ClaimsIdentity([new Claim("sub", real.Subject)]),
                IssuedAt = DateTime.UtcNow,
                NotBefore = DateTime.UtcNow,
                Expires = DateTime.UtcNow.AddMinutes(5),
                SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            });

            // Act + Assert
            Assert.Equal(HttpStatusCode.Unauthorized, await _api.StatusAsync(_api.WithBearer(forged), "/api/me"));
        }

        // An unsigned token with the same claims is no better.
        var unsigned = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = real.Issuer,
            Audience = real.Audiences.Single(),
            Subject = new ClaimsIdentity([new Claim("sub", real.Subject)]),
            Expires = DateTime.UtcNow.AddMinutes(5),
        });
        Assert.Equal(HttpStatusCode.Unauthorized, await _api.StatusAsync(_api.WithBearer(unsigned), "/api/me"));
    }

    private async Task<IEnumerable<string>> PlatformAuditActionsAsync(Guid userId) =>
        (await new TestTenantSeeder(_api.Stack).AuditAsync(null, userId.ToString())).Select(entry => entry.Action);
}
