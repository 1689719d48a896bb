using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Core.Organizations;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Tenancy;

/// <summary>
/// Every tenant route of the API, taken from its own OpenAPI document, called by another tenant's
/// admin against tenant A's resources: each answers 404 and carries none of A's data. A new
/// endpoint is covered the moment it exists; one that forgets tenant scoping fails here.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class CrossTenantIsolationTests(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TenantBCredentialsGetNotFoundOnEveryRouteOfTenantA()
    {
        // Arrange: tenant A with data, and an admin of tenant B.
        var seeder = new TestTenantSeeder(fixture);
        var secretName = "secret-" + Guid.NewGuid().ToString("N");
        var tenantA = await seeder.CreateTenantAsync(secretName);
        var adminA = await seeder.CreateUserAsync(tenantA, TenantRole.Admin);
        var organizationA = await seeder.CreateOrganizationAsync(tenantA, secretName);
        await seeder.GrantOrganizationAsync(tenantA, organizationA, adminA.Id, OrganizationAccess.Manager);
        var deviceA = await seeder.CreateDeviceAsync(tenantA, organizationA);
        var rejectionA = await seeder.CreateRejectionAsync(tenantA, deviceA);
        var serviceAccountA = Guid.CreateVersion7();
        await seeder.ExecuteAsync("""
            INSERT INTO users (id, email, display_name, platform_role, failed_login_count, created_at, kind)
                VALUES (@id, @email, @name, 'None', 0, now(), 'ServiceAccount');
            INSERT INTO tenant_memberships (tenant_id, user_id, role, created_at) VALUES (@tenant, @id, 'Admin', now());
            INSERT INTO service_accounts (tenant_id, id, description, created_at, updated_at) VALUES (@tenant, @id, @name, now(), now());
            """, ("id", serviceAccountA), ("email", Platform.Core.Identity.User.ServiceAccountEmail(serviceAccountA)), ("name", secretName),
            ("tenant", tenantA));
        var providerA = Guid.NewGuid();
        await seeder.ExecuteAsync("""
            INSERT INTO identity_providers (tenant_id, id, name, kind, issuer, client_id, client_secret_reference, audience,
                                            allowed_email_domains, jit_enabled, default_role, mapping_rules, state, created_at, updated_at)
            VALUES (@tenant, @id, @name, 'Oidc', @issuer, 'client', 'env:PLATFORM_IDP_UNSET', 'api', '{}', false, 'Member', '[]', 'Configured', now(), now())
            """, ("tenant", tenantA), ("id", providerA), ("name", secretName), ("issuer", $"https://{secretName}.example.com"));
        var tenantB = await seeder.CreateTenantAsync();
        var adminB = await seeder.CreateUserAsync(tenantB, TenantRole.Admin);
        using var asB = await seeder.LoginAsync(adminB);

        var values = new Dictionary<string, string>
        {
            ["tenantId"] = tenantA.ToString(),
            ["organizationId"] = organizationA.ToString(),
            ["deviceId"] = deviceA.ToString(),
            ["userId"] = adminA.Id.ToString(),
            ["id"] = rejectionA.ToString(),
            ["serviceAccountId"] = serviceAccountA.ToString(),
            ["providerId"] = providerA.ToString(),
        };
        var leaks = new[]
        {
            tenantA.ToString(), organizationA.ToString(), deviceA.ToString(), adminA.Id.ToString(), adminA.Email, secretName, rejectionA.ToString(),
            serviceAccountA.ToString(), providerA.ToString(),
        };

        // Act
        var failures = new List<string>();
        var routes = await TenantRoutesAsync();
        foreach (var (method, template) in routes)
        {
            var path = FillIn(template, values);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            using var response = await asB.SendAsync(request, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                failures.Add($"{method} {template}: {(int)response.StatusCode}");
            }

            failures.AddRange(leaks.Where(body.Contains).Select(leak => $"{method} {template}: body reveals {leak}"));
        }

        // Assert: the route table was really read, and nothing answered otherwise.
        Assert.Contains(routes, route => route.Template == "/api/tenants/{tenantId}/organizations/{organizationId}");
        Assert.Contains(routes, route => route == ("POST", "/api/tenants/{tenantId}/rejected-uplinks/{id}/replay"));
        Assert.Contains(routes, route => route == ("PATCH", "/api/tenants/{tenantId}/service-accounts/{serviceAccountId}"));
        Assert.Contains(routes, route => route == ("POST", "/api/tenants/{tenantId}/identity-providers/{providerId}/enforce"));
        Assert.Empty(failures);
    }

    [Fact]
    public async Task AMemberOfNoTenantGetsNotFoundForAnUnknownTenant()
    {
        var seeder = new TestTenantSeeder(fixture);
        var loner = await seeder.CreateUserAsync();
        using var http = await seeder.LoginAsync(loner);

        using var response = await http.GetAsync($"/api/tenants/{Guid.NewGuid()}/organizations", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<List<(string Method, string Template)>> TenantRoutesAsync()
    {
        using var http = fixture.CreateApiClient();
        var document = await http.GetFromJsonAsync<JsonObject>("/openapi/v1.json", Ct);
        return document!["paths"]!.AsObject()
            .Where(path => path.Key.StartsWith("/api/tenants/{tenantId}", StringComparison.Ordinal))
            .SelectMany(path => path.Value!.AsObject().Select(operation => (operation.Key.ToUpperInvariant(), path.Key)))
            .ToList();
    }

    private static string FillIn(string template, Dictionary<string, string> values)
    {
        var path = template;
        foreach (var (name, value) in values)
        {
            path = path.Replace("{" + name + "}", value);
        }

        // Any other placeholder (a version number, an export id): a value A might have.
        return System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", "1");
    }
}
