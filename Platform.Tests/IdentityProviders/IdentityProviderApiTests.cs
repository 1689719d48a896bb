using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Tenancy;
using Platform.Tests.Egress;
using Platform.Tests.Infrastructure;
using static Platform.Tests.IdentityProviders.IdentityProviderFixtures;

namespace Platform.Tests.IdentityProviders;

/// <summary>The tenants' identity provider configuration over HTTP, on the whole stack.</summary>
[Collection(PlatformAppCollection.Name)]
public sealed class IdentityProviderApiTests(PlatformAppFixture fixture)
{
    private readonly IdentityProviderFixtures _providers = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAdminCreatesReadsListsChangesAndDeletesAProvider()
    {
        var (tenant, _, asAdmin) = await _providers.TenantWithAdminAsync();
        var organization = await _providers.Seeder.CreateOrganizationAsync(tenant);
        var root = $"/api/tenants/{tenant}/identity-providers";
        var body = Body();
        body["allowedEmailDomains"] = new[] { "Example.COM" };
        body["jitEnabled"] = true;
        body["defaultRole"] = "Viewer";
        body["mappingRules"] = new object[]
        {
            new { claim = "groups", value = "admins", role = "Admin" },
            new { claim = "groups", value = "north", organizationId = organization, organizationAccess = "Editor" },
        };

        var created = await CreateAsync(asAdmin, tenant, body);
        var id = created["id"]!.GetValue<Guid>();
        var fetched = await asAdmin.GetFromJsonAsync<JsonObject>($"{root}/{id}", Ct);
        var listed = await asAdmin.GetFromJsonAsync<JsonObject>(root, Ct);

        Assert.Equal("Configured", created["state"]!.GetValue<string>());
        Assert.Equal(["example.com"], fetched!["allowedEmailDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal("Viewer", fetched["defaultRole"]!.GetValue<string>());
        Assert.Equal("Admin", fetched["mappingRules"]![0]!["role"]!.GetValue<string>());
        Assert.Equal(organization, fetched["mappingRules"]![1]!["organizationId"]!.GetValue<Guid>());
        Assert.Equal([id], listed!["items"]!.AsArray().Select(item => item!["id"]!.GetValue<Guid>()));

        // A new name or policy keeps the rollout; a new issuer needs a new test.
        await _providers.MarkTestedAsync(id);
        using (var renamed = await asAdmin.PatchAsJsonAsync($"{root}/{id}", new { name = "Renamed", jitEnabled = false }, Ct))
        {
            var after = (await renamed.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
            Assert.Equal(("Renamed", "Tested", false),
                (after["name"]!.GetValue<string>(), after["state"]!.GetValue<string>(), after["jitEnabled"]!.GetValue<bool>()));
        }

        using (var moved = await asAdmin.PatchAsJsonAsync($"{root}/{id}", new { issuer = NewIssuer() }, Ct))
        {
            Assert.Equal("Configured", (await moved.Content.ReadFromJsonAsync<JsonObject>(Ct))!["state"]!.GetValue<string>());
        }

        using var deleted = await asAdmin.DeleteAsync($"{root}/{id}", Ct);
        using var gone = await asAdmin.GetAsync($"{root}/{id}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(["identity-provider.created", "identity-provider.deleted", "identity-provider.updated", "identity-provider.updated"],
            (await AuditActionsAsync(asAdmin, tenant)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheClientSecretIsNeverInResponsesAuditOrDatabaseOnlyItsReference()
    {
        var (tenant, _, asAdmin) = await _providers.TenantWithAdminAsync();
        var (reference, secret) = _providers.NewSecretFile(tenant);
        var (newReference, newSecret) = _providers.NewSecretFile(tenant);
        var root = $"/api/tenants/{tenant}/identity-providers";

        var created = await CreateAsync(asAdmin, tenant, Body(secretReference: reference));
        var id = created["id"]!.GetValue<Guid>();
        using var patched = await asAdmin.PatchAsJsonAsync($"{root}/{id}", new { clientSecretReference = newReference }, Ct);
        var bodies = new List<string>
        {
            created.ToJsonString(),
            await patched.Content.ReadAsStringAsync(Ct),
            await asAdmin.GetStringAsync($"{root}/{id}", Ct),
            await asAdmin.GetStringAsync(root, Ct),
            await asAdmin.GetStringAsync($"/api/tenants/{tenant}/audit", Ct),
        };

        Assert.Equal(reference, created["clientSecretReference"]!.GetValue<string>());
        Assert.Contains(newReference, bodies[1]);
        Assert.All(bodies, body => Assert.DoesNotContain(secret, body));
        Assert.All(bodies, body => Assert.DoesNotContain(newSecret, body));
        foreach (var value in new[] { secret, newSecret })
        {
            Assert.Equal(0L, await _providers.CountAsync(
                "SELECT count(*) FROM identity_providers p WHERE strpos(p::text, @value) > 0", ("value", value)));
            Assert.Equal(0L, await _providers.CountAsync(
                "SELECT count(*) FROM audit_events e WHERE strpos(e::text, @value) > 0", ("value", value)));
        }

        Assert.Equal(1L, await _providers.CountAsync(
            "SELECT count(*) FROM identity_providers WHERE id = @id AND client_secret_reference = @reference", ("id", id), ("reference", newReference)));
    }

    [Fact]
    public async Task InvalidSettingsAreRefusedNamingTheField()
    {
        var (tenant, _, asAdmin) = await _providers.TenantWithAdminAsync();
        var otherTenant = await _providers.Seeder.CreateTenantAsync();
        var foreignOrganization = await _providers.Seeder.CreateOrganizationAsync(otherTenant);
        var (foreignReference, foreignSecret) = _providers.NewSecretFile(otherTenant);
        Dictionary<string, object?> With(string key, object? value)
        {
            var body = Body();
            body[key] = value;
            return body;
        }

        (Dictionary<string, object?> Body, string Field)[] cases =
        [
            (With("issuer", "http://idp.example.com/realms/acme"), "issuer"),
            (With("issuer", "not a url"), "issuer"),
            (With("issuer", "https://idp.example.com/?tenant=1"), "issuer"),
            (With("kind", "EntraId"), "issuer"),
            (With("clientSecretReference", "plain-text-secret"), "clientSecretReference"),
            (With("clientSecretReference", $"file:{fixture.IdentityProviderSecretDirectory}/{tenant}/missing"), "clientSecretReference"),
            (With("clientSecretReference", foreignReference), "clientSecretReference"),
            (With("clientSecretReference", "env:ConnectionStrings__platformdb"), "clientSecretReference"),
            (With("clientSecretReference", "file:/etc/hostname"), "clientSecretReference"),
            (With("audience", ""), "audience"),
            (With("defaultRole", "Admin"), "defaultRole"),
            (With("allowedEmailDomains", new[] { "not a domain" }), "allowedEmailDomains"),
            (With("mappingRules", new object[] { new { claim = "groups", value = "x", organizationId = foreignOrganization, organizationAccess = "Viewer" } }),
                "mappingRules[0]"),
            (With("mappingRules", new object[] { new { claim = "groups", value = "x" } }), "mappingRules[0]"),
        ];

        var mismatches = new List<string>();
        foreach (var (body, field) in cases)
        {
            using var response = await asAdmin.PostAsJsonAsync($"/api/tenants/{tenant}/identity-providers", body, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            if (response.StatusCode != HttpStatusCode.BadRequest || !(await ProblemResponses.FieldsAsync(response)).Contains(field))
            {
                mismatches.Add($"{field}: {(int)response.StatusCode} {text}");
            }

            Assert.DoesNotContain(foreignSecret, text);
        }

        Assert.Empty(mismatches);
        Assert.Empty((await asAdmin.GetFromJsonAsync<JsonObject>($"/api/tenants/{tenant}/identity-providers", Ct))!["items"]!.AsArray());
    }

    [Fact]
    public async Task IssuersLeadingToReservedDestinationsInAnySpellingAreRefusedNamingTheField()
    {
        // Arrange: every reserved range in every spelling, loopback names, http without an allow-list entry.
        var (tenant, _, asAdmin) = await _providers.TenantWithAdminAsync();
        var cases = ForbiddenDestinations.IssuerUrls().ToList();

        // Act
        var mismatches = new List<string>();
        foreach (var (url, description) in cases)
        {
            using var response = await asAdmin.PostAsJsonAsync($"/api/tenants/{tenant}/identity-providers", Body(url), Ct);
            var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
            var error = problem?["errors"]?.AsArray().FirstOrDefault();
            // User info is refused by the issuer's shape first; everything else by the destination rule, with its code.
            var expectedCode = new Uri(url).UserInfo.Length > 0 ? null : "destination-not-allowed";
            if (response.StatusCode != HttpStatusCode.BadRequest || error?["name"]?.GetValue<string>() != "issuer"
                || (expectedCode is not null && error["code"]?.GetValue<string>() != expectedCode))
            {
                mismatches.Add($"{url} [{description}]: {(int)response.StatusCode} {problem?.ToJsonString()}");
            }
        }

        // Assert
        Assert.True(cases.Count > 500, $"only {cases.Count} cases");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {cases.Count} cases accepted or refused otherwise:\n{string.Join('\n', mismatches)}");
        Assert.Empty((await asAdmin.GetFromJsonAsync<JsonObject>($"/api/tenants/{tenant}/identity-providers", Ct))!["items"]!.AsArray());
    }

    [Fact]
    public async Task AnEntraProviderNamesItsDirectoryAndTwoTenantsMayShareIt()
    {
        var (tenantA, _, asAdminA) = await _providers.TenantWithAdminAsync();
        var (tenantB, _, asAdminB) = await _providers.TenantWithAdminAsync();
        var directory = Guid.NewGuid();
        var body = Body($"http://127.0.0.1:9/{directory}/v2.0");
        body["kind"] = "EntraId";

        var inA = await CreateAsync(asAdminA, tenantA, body);
        var inB = await CreateAsync(asAdminB, tenantB, body);
        using var again = await asAdminA.PostAsJsonAsync($"/api/tenants/{tenantA}/identity-providers", body, Ct);

        Assert.Equal(directory.ToString(), inA["entraDirectoryId"]!.GetValue<string>());
        Assert.NotEqual(inA["id"]!.GetValue<Guid>(), inB["id"]!.GetValue<Guid>());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task TheRolloutNeedsATestThenEnablingThenABreakGlassAdmin()
    {
        var (tenant, admin, asAdmin) = await _providers.TenantWithAdminAsync();
        var member = await _providers.Seeder.CreateUserAsync(tenant, TenantRole.Member);
        var passwordless = await _providers.Seeder.CreateUserAsync(tenant, TenantRole.Admin);
        await _providers.Seeder.ExecuteAsync("UPDATE users SET password_hash = NULL WHERE id = @id", ("id", passwordless.Id));
        var outsider = await _providers.Seeder.CreateUserAsync(await _providers.Seeder.CreateTenantAsync(), TenantRole.Admin);
        var id = (await CreateAsync(asAdmin, tenant))["id"]!.GetValue<Guid>();
        var root = $"/api/tenants/{tenant}/identity-providers/{id}";

        async Task<(HttpStatusCode Status, string? State)> StepAsync(string step, object? body = null)
        {
            using var response = await asAdmin.PostAsJsonAsync($"{root}/{step}", body ?? new { }, Ct);
            var json = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
            return (response.StatusCode, json?["state"]?.GetValue<string>());
        }

        Assert.Equal(HttpStatusCode.Conflict, (await StepAsync("enable")).Status);
        await _providers.MarkTestedAsync(id);
        Assert.Equal(HttpStatusCode.Conflict, (await StepAsync("enforce", new { breakGlassUserId = admin.Id })).Status);
        Assert.Equal((HttpStatusCode.OK, "Enabled"), await StepAsync("enable"));
        foreach (var unfit in new[] { member, passwordless, outsider })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await StepAsync("enforce", new { breakGlassUserId = unfit.Id })).Status);
        }

        Assert.Equal((HttpStatusCode.OK, "Enforced"), await StepAsync("enforce", new { breakGlassUserId = admin.Id }));
        Assert.Equal(admin.Id, (await asAdmin.GetFromJsonAsync<JsonObject>(root, Ct))!["breakGlassUserId"]!.GetValue<Guid>());
        Assert.Equal(HttpStatusCode.Conflict, (await StepAsync("enable")).Status);
        Assert.Equal((HttpStatusCode.OK, "Enabled"), await StepAsync("relax"));
        Assert.Equal(HttpStatusCode.Conflict, (await StepAsync("relax")).Status);
        Assert.Equal((HttpStatusCode.OK, "Tested"), await StepAsync("disable"));
        Assert.Equal(
            ["identity-provider.created", "identity-provider.disabled", "identity-provider.enabled", "identity-provider.enforced", "identity-provider.relaxed"],
            (await AuditActionsAsync(asAdmin, tenant)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OnlyTheTenantsAdminsManageProvidersInSessionsOnly()
    {
        var (tenant, _, asAdmin) = await _providers.TenantWithAdminAsync();
        var id = (await CreateAsync(asAdmin, tenant))["id"]!.GetValue<Guid>();
        using var asMember = await _providers.Seeder.LoginAsync(await _providers.Seeder.CreateUserAsync(tenant, TenantRole.Member));
        var (otherTenant, _, asOtherAdmin) = await _providers.TenantWithAdminAsync();
        using var tokenResponse = await asAdmin.PostAsJsonAsync($"/api/tenants/{tenant}/tokens",
            new { name = "idp", scopes = new[] { "members:admin" }, expiresAt = DateTimeOffset.UtcNow.AddDays(1) }, Ct);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>(Ct))!["token"]!.GetValue<string>();
        using var asToken = fixture.CreateApiClient();
        asToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var root = $"/api/tenants/{tenant}/identity-providers";
        var requests = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, root, null),
            (HttpMethod.Post, root, Body()),
            (HttpMethod.Get, $"{root}/{id}", null),
            (HttpMethod.Patch, $"{root}/{id}", new { name = "Taken over" }),
            (HttpMethod.Post, $"{root}/{id}/disable", new { }),
            (HttpMethod.Delete, $"{root}/{id}", null),
        };

        var mismatches = new List<string>();
        foreach (var (client, expected, who) in new[] { (asMember, HttpStatusCode.Forbidden, "member"), (asToken, HttpStatusCode.Forbidden, "token"),
                     (asOtherAdmin, HttpStatusCode.NotFound, "other tenant's admin") })
        {
            foreach (var (method, path, body) in requests)
            {
                using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
                using var response = await client.SendAsync(request, Ct);
                if (response.StatusCode != expected)
                {
                    mismatches.Add($"{method} {path} as {who}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.Empty(mismatches);
        Assert.Equal(HttpStatusCode.OK, (await asAdmin.GetAsync($"{root}/{id}", Ct)).StatusCode);
    }

    private static async Task<List<string>> AuditActionsAsync(HttpClient admin, Guid tenant)
    {
        var page = await admin.GetFromJsonAsync<JsonObject>($"/api/tenants/{tenant}/audit?limit=500", Ct);
        return page!["items"]!.AsArray().Select(item => item!["action"]!.GetValue<string>())
            .Where(action => action.StartsWith("identity-provider.", StringComparison.Ordinal)).ToList();
    }
}
