using System.Net;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;
using Platform.Tests.Members;
using static Platform.Tests.Decoders.DecoderApi;

namespace Platform.Tests.Decoders;

[Collection(PlatformAppCollection.Name)]
public sealed class DecoderRoleTests(PlatformAppFixture fixture)
{
    private static readonly DateTimeOffset From = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TestTenantSeeder _seeder = new(fixture);

    [Theory]
    [InlineData(TenantRole.Member)]
    [InlineData(TenantRole.Viewer)]
    public async Task MembersAndViewersReadDecodersButMayNotManageOrTestThem(TenantRole role)
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var decoder = await CreateActiveAsync(tenant.AdminHttp, tenant.TenantId);
        using var http = await _seeder.LoginAsync(await _seeder.CreateUserAsync(tenant.TenantId, role));
        var route = tenant.Route($"/decoders/{decoder}");

        await SendAsync(http, HttpMethod.Get, tenant.Route("/decoders"), null, HttpStatusCode.OK);
        await SendAsync(http, HttpMethod.Get, route, null, HttpStatusCode.OK);
        await SendAsync(http, HttpMethod.Get, route + "/versions", null, HttpStatusCode.OK);
        await SendAsync(http, HttpMethod.Get, route + "/versions/1", null, HttpStatusCode.OK);
        await SendAsync(http, HttpMethod.Get, route + "/redecode-jobs", null, HttpStatusCode.OK);

        await SendAsync(http, HttpMethod.Post, tenant.Route("/decoders"), new { name = UniqueName() }, HttpStatusCode.Forbidden);
        await SendAsync(http, HttpMethod.Patch, route, new { name = UniqueName() }, HttpStatusCode.Forbidden);
        await SendAsync(http, HttpMethod.Delete, route, null, HttpStatusCode.Forbidden);
        await SendAsync(http, HttpMethod.Post, route + "/versions", TlvVersion(), HttpStatusCode.Forbidden);
        await SendAsync(http, HttpMethod.Post, route + "/versions/1/activate", null, HttpStatusCode.Forbidden);
        await SendAsync(http, HttpMethod.Post, route + "/redecode-jobs", new { from = From, to = From.AddDays(1) }, HttpStatusCode.Forbidden);
        await SendAsync(http, HttpMethod.Post, tenant.Route("/decoders/test"), new { codec = "CayenneLpp", fPort = 1, bytes = "00" },
            HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task LibraryDecoderIsReadableInEveryTenantAndChangedInNone()
    {
        var library = await LibraryDecoders.CreateAsync(_seeder);
        var tenants = new[] { await TenantAdminScenario.CreateAsync(_seeder), await TenantAdminScenario.CreateAsync(_seeder) };

        foreach (var tenant in tenants)
        {
            var http = tenant.AdminHttp;
            var route = tenant.Route($"/decoders/{library}");
            var list = await SendAsync(http, HttpMethod.Get, tenant.Route("/decoders?limit=500"), null, HttpStatusCode.OK);
            Assert.Contains(list["items"]!.AsArray(), item => item!["id"]!.GetValue<Guid>() == library && item["isLibrary"]!.GetValue<bool>());
            var read = await SendAsync(http, HttpMethod.Get, route, null, HttpStatusCode.OK);
            Assert.True(read["isLibrary"]!.GetValue<bool>());
            Assert.Equal(1, read["activeVersion"]!.GetValue<int>());
            await SendAsync(http, HttpMethod.Get, route + "/versions/1", null, HttpStatusCode.OK);
            await SendAsync(http, HttpMethod.Post, tenant.Route("/decoders/test"), new { decoderId = library, version = 1, fPort = 85, bytes = "017564" },
                HttpStatusCode.OK);

            await SendAsync(http, HttpMethod.Patch, route, new { name = UniqueName() }, HttpStatusCode.Forbidden);
            await SendAsync(http, HttpMethod.Delete, route, null, HttpStatusCode.Forbidden);
            await SendAsync(http, HttpMethod.Post, route + "/versions", TlvVersion(), HttpStatusCode.Forbidden);
            await SendAsync(http, HttpMethod.Post, route + "/versions/1/activate", null, HttpStatusCode.Forbidden);
        }

        var after = await SendAsync(tenants[0].AdminHttp, HttpMethod.Get, tenants[0].Route($"/decoders/{library}"), null, HttpStatusCode.OK);
        Assert.Equal(1, after["latestVersion"]!.GetValue<int>());
    }
}
