using System.Net;
using System.Net.Http.Json;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Members;

[Collection(PlatformAppCollection.Name)]
public sealed class MemberAccessTests(PlatformAppFixture fixture)
{
    private readonly TestTenantSeeder _seeder = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MemberWhoIsNotAnAdminIsForbidden()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var member = await _seeder.CreateUserAsync(tenant.TenantId, TenantRole.Member);
        using var http = await _seeder.LoginAsync(member);

        using var list = await http.GetAsync(tenant.Route("/members"), Ct);
        using var add = await http.PostAsJsonAsync(tenant.Route("/members"), new { email = member.Email, role = "Admin" }, Ct);
        using var promote = await http.PatchAsJsonAsync(tenant.Route($"/members/{member.Id}"), new { role = "Admin" }, Ct);
        using var audit = await http.GetAsync(tenant.Route("/audit"), Ct);
        using var invitations = await http.GetAsync(tenant.Route("/invitations"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, invitations.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, promote.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
    }

    [Fact]
    public async Task AnotherTenantsAdminFindsNothing()
    {
        var tenantA = await TenantAdminScenario.CreateAsync(_seeder);
        var tenantB = await TenantAdminScenario.CreateAsync(_seeder);
        var memberA = await _seeder.CreateUserAsync(tenantA.TenantId, TenantRole.Member);
        var http = tenantB.AdminHttp;

        HttpResponseMessage[] responses =
        [
            await http.GetAsync(tenantA.Route("/members"), Ct),
            await http.GetAsync(tenantA.Route($"/members/{memberA.Id}"), Ct),
            await http.PostAsJsonAsync(tenantA.Route("/members"), new { email = memberA.Email, role = "Admin" }, Ct),
            await http.PatchAsJsonAsync(tenantA.Route($"/members/{memberA.Id}"), new { role = "Admin" }, Ct),
            await http.DeleteAsync(tenantA.Route($"/members/{memberA.Id}"), Ct),
            await http.GetAsync(tenantA.Route("/audit"), Ct),
            await http.GetAsync(tenantA.Route("/audit/verify"), Ct),
            await http.GetAsync(tenantA.Route("/invitations"), Ct),
            await http.GetAsync(tenantA.Route($"/invitations/{Guid.NewGuid()}"), Ct),
            await http.PostAsync(tenantA.Route($"/invitations/{Guid.NewGuid()}/resend"), null, Ct),
            await http.PostAsync(tenantA.Route($"/invitations/{Guid.NewGuid()}/revoke"), null, Ct),
        ];

        foreach (var response in responses)
        {
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(memberA.Email, body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(memberA.Id.ToString(), body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(tenantA.Admin.Email, body, StringComparison.OrdinalIgnoreCase);
            response.Dispose();
        }

        using var stillMember = await tenantA.AdminHttp.GetAsync(tenantA.Route($"/members/{memberA.Id}"), Ct);
        Assert.Equal(HttpStatusCode.OK, stillMember.StatusCode);
    }
}
