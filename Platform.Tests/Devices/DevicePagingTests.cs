using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Devices;

/// <summary>The device list pages by id: a device deleted on an earlier page skips nothing on the next.</summary>
[Collection(PlatformAppCollection.Name)]
public sealed class DevicePagingTests(PlatformAppFixture fixture)
{
    private readonly TestTenantSeeder _seeder = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PagesGoOnAfterTheLastDeviceSeenWhenAnEarlierOneIsDeleted()
    {
        // Arrange: five devices, listed two at a time.
        var tenant = await _seeder.CreateTenantAsync();
        var organization = await _seeder.CreateOrganizationAsync(tenant);
        using var admin = await _seeder.LoginAsync(await _seeder.CreateUserAsync(tenant, TenantRole.Admin));
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await DeviceApi.CreateAsync(admin, tenant, organization));
        }

        // PostgreSQL orders uuids by their bytes, which is the order of their hex text.
        var inListOrder = created.OrderBy(id => id.ToString("N"), StringComparer.Ordinal).ToList();
        var route = $"/api/tenants/{tenant}/devices?limit=2";

        // Act: the first page is read, then its first device deleted, then the rest is read.
        var first = await PageAsync(admin, route);
        using var deleted = await admin.DeleteAsync($"/api/tenants/{tenant}/devices/{first.Ids[0]}", Ct);
        var second = await PageAsync(admin, $"{route}&cursor={Uri.EscapeDataString(first.Next!)}");
        var third = await PageAsync(admin, $"{route}&cursor={Uri.EscapeDataString(second.Next!)}");

        // Assert: every device once, in order, none skipped.
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(inListOrder, [.. first.Ids, .. second.Ids, .. third.Ids]);
        Assert.Null(third.Next);
    }

    [Fact]
    public async Task ACursorThisApiDidNotHandOutIsA400()
    {
        var tenant = await _seeder.CreateTenantAsync();
        using var admin = await _seeder.LoginAsync(await _seeder.CreateUserAsync(tenant, TenantRole.Admin));

        using var response = await admin.GetAsync($"/api/tenants/{tenant}/devices?cursor=not-a-cursor", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<(List<Guid> Ids, string? Next)> PageAsync(HttpClient http, string route)
    {
        var page = await http.GetFromJsonAsync<JsonObject>(route, Ct);
        return (page!["items"]!.AsArray().Select(item => item!["id"]!.GetValue<Guid>()).ToList(), page["nextCursor"]?.GetValue<string>());
    }
}
