using System.Net;
using System.Net.Http.Json;
using System.Text;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Devices;

[Collection(PlatformAppCollection.Name)]
public sealed class DeviceInputTests(PlatformAppFixture fixture)
{
    private readonly TestTenantSeeder _seeder = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"devEui":"70b3d57ed005a1","name":"n","organizationId":"{org}","networkServer":{"kind":"ChirpStack","applicationId":"{app}"}}""", "devEui" },
        { """{"devEui":"zzb3d57ed005a1b2","name":"n","organizationId":"{org}","networkServer":{"kind":"ChirpStack","applicationId":"{app}"}}""", "devEui" },
        { """{"devEui":"{eui}","name":"{long}","organizationId":"{org}","networkServer":{"kind":"ChirpStack","applicationId":"{app}"}}""", "name" },
        { """{"devEui":"{eui}","name":"n","organizationId":"{unknown}","networkServer":{"kind":"ChirpStack","applicationId":"{app}"}}""", "organizationId" },
        { """{"devEui":"{eui}","name":"n","organizationId":"{org}","networkServer":{"kind":"Other","applicationId":"{app}"}}""", "networkServer.kind" },
        { """{"devEui":"{eui}","name":"n","organizationId":"{org}","networkServer":{"kind":"ChirpStack","applicationId":"not-a-uuid"}}""", "networkServer.applicationId" },
        { """{"devEui":"{eui}","name":"n","organizationId":"{org}","tags":{"":"x"},"networkServer":{"kind":"ChirpStack","applicationId":"{app}"}}""", "tags" },
        { """{"devEui":"{eui}","name":"n","organizationId":"{org}","colour":"red","networkServer":{"kind":"ChirpStack","applicationId":"{app}"}}""", "colour" },
        { """{"devEui":"{eui}","name":"n",""", "" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadInputIsRejectedNamingTheFieldAndWritesNothing(string template, string field)
    {
        var (tenant, organization, admin) = await ArrangeAsync();
        var before = await DeviceApi.ListIdsAsync(admin, tenant);
        var json = template.Replace("{org}", organization.ToString()).Replace("{app}", Guid.NewGuid().ToString())
            .Replace("{eui}", DeviceApi.RandomDevEui()).Replace("{unknown}", Guid.NewGuid().ToString())
            .Replace("{long}", new string('x', 201));

        using var response = await admin.PostAsync($"/api/tenants/{tenant}/devices",
            new StringContent(json, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = await ProblemResponses.FieldsAsync(response);
        Assert.NotEmpty(fields);
        if (field.Length > 0)
        {
            Assert.Contains(field, fields, StringComparer.OrdinalIgnoreCase);
        }

        Assert.Equal(before, await DeviceApi.ListIdsAsync(admin, tenant));
    }

    [Fact]
    public async Task DuplicateDevEuiInTheTenantIsAConflict()
    {
        var (tenant, organization, admin) = await ArrangeAsync();
        var devEui = DeviceApi.RandomDevEui();
        using var first = await admin.PostAsJsonAsync($"/api/tenants/{tenant}/devices", DeviceApi.Body(organization, devEui.ToLowerInvariant()), Ct);
        var before = await DeviceApi.ListIdsAsync(admin, tenant);

        using var second = await admin.PostAsJsonAsync($"/api/tenants/{tenant}/devices", DeviceApi.Body(organization, devEui), Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await DeviceApi.ListIdsAsync(admin, tenant));
    }

    [Fact]
    public async Task BadPatchesAreRejectedNamingTheFieldAndChangeNothing()
    {
        var (tenant, organization, admin) = await ArrangeAsync();
        var device = await DeviceApi.CreateAsync(admin, tenant, organization);
        var route = $"/api/tenants/{tenant}/devices/{device}";
        var before = await admin.GetStringAsync(route, Ct);

        using var longName = await admin.PatchAsJsonAsync(route, new { name = new string('x', 201) }, Ct);
        using var unknownOrganization = await admin.PatchAsJsonAsync(route, new { name = "new", organizationId = Guid.NewGuid() }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, longName.StatusCode);
        Assert.Contains("name", await ProblemResponses.FieldsAsync(longName), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, unknownOrganization.StatusCode);
        Assert.Contains("organizationId", await ProblemResponses.FieldsAsync(unknownOrganization), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(before, await admin.GetStringAsync(route, Ct));
    }

    [Fact]
    public async Task DeviceGrantsNeedAMemberAndAKnownAccess()
    {
        var (tenant, organization, admin) = await ArrangeAsync();
        var device = await DeviceApi.CreateAsync(admin, tenant, organization);
        var outsider = await _seeder.CreateUserAsync();
        var member = await _seeder.CreateUserAsync(tenant, TenantRole.Member);

        using var notMember = await admin.PutAsJsonAsync($"/api/tenants/{tenant}/devices/{device}/grants/{outsider.Id}", new { access = "Read" }, Ct);
        using var badAccess = await admin.PutAsJsonAsync($"/api/tenants/{tenant}/devices/{device}/grants/{member.Id}", new { access = "Admin" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, notMember.StatusCode);
        Assert.Contains("userId", await ProblemResponses.FieldsAsync(notMember), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, badAccess.StatusCode);
        Assert.Contains("access", await ProblemResponses.FieldsAsync(badAccess), StringComparer.OrdinalIgnoreCase);
    }

    private async Task<(Guid Tenant, Guid Organization, HttpClient Admin)> ArrangeAsync()
    {
        var tenant = await _seeder.CreateTenantAsync();
        var organization = await _seeder.CreateOrganizationAsync(tenant);
        var (owner, _) = await DeviceUsers.CreateAsync(fixture);
        await _seeder.AddMemberAsync(tenant, owner.Id, TenantRole.Admin);
        return (tenant, organization, owner.Http);
    }
}
