using System.Net;
using System.Net.Http.Json;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Devices;

[Collection(PlatformAppCollection.Name)]
public sealed class CrossTenantDeviceTests(PlatformAppFixture fixture)
{
    private readonly TestTenantSeeder _seeder = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AdminOfAnotherTenantGetsNotFoundForEveryDeviceRouteAndNoData()
    {
        var (owner, other) = await DeviceUsers.CreateAsync(fixture);
        var tenantA = await _seeder.CreateTenantAsync();
        var tenantB = await _seeder.CreateTenantAsync();
        await _seeder.AddMemberAsync(tenantA, owner.Id, TenantRole.Admin);
        await _seeder.AddMemberAsync(tenantB, other.Id, TenantRole.Admin);
        var organization = await _seeder.CreateOrganizationAsync(tenantA);
        var device = await DeviceApi.CreateAsync(owner.Http, tenantA, organization);
        var deviceA = await owner.Http.GetStringAsync($"/api/tenants/{tenantA}/devices/{device}", Ct);
        var secrets = new[] { device.ToString(), organization.ToString() };

        foreach (var tenant in new[] { tenantA, tenantB })
        {
            var route = $"/api/tenants/{tenant}/devices/{device}";
            var responses = new[]
            {
                await other.Http.GetAsync(route, Ct),
                await other.Http.PatchAsJsonAsync(route, new { name = "taken" }, Ct),
                await other.Http.DeleteAsync(route, Ct),
                await other.Http.GetAsync(route + "/grants", Ct),
                await other.Http.PutAsJsonAsync($"{route}/grants/{other.Id}", new { access = "Write" }, Ct),
                await other.Http.GetAsync($"/api/tenants/{tenant}/devices?organizationId={organization}", Ct),
            };

            foreach (var response in responses.Take(5))
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                var body = await response.Content.ReadAsStringAsync(Ct);
                Assert.DoesNotContain(secrets, body.Contains);
            }

            // Tenant B's own list answers, empty; tenant A's list is a 404 like everything else there.
            Assert.Equal(tenant == tenantB ? HttpStatusCode.OK : HttpStatusCode.NotFound, responses[5].StatusCode);
            Assert.DoesNotContain(secrets[0], await responses[5].Content.ReadAsStringAsync(Ct));
        }

        Assert.Equal(deviceA, await owner.Http.GetStringAsync($"/api/tenants/{tenantA}/devices/{device}", Ct));
    }
}
