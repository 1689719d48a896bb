using System.Net;
using Platform.Tests.Infrastructure;
using Platform.Tests.Members;
using static Platform.Tests.Decoders.DecoderApi;

namespace Platform.Tests.Decoders;

[Collection(PlatformAppCollection.Name)]
public sealed class CrossTenantDecoderTests(PlatformAppFixture fixture)
{
    private static readonly DateTimeOffset From = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TestTenantSeeder _seeder = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AdminOfAnotherTenantGetsNotFoundForEveryRouteOfTheDecoderAndLearnsNothing()
    {
        var tenantA = await TenantAdminScenario.CreateAsync(_seeder);
        var tenantB = await TenantAdminScenario.CreateAsync(_seeder);
        var decoder = await CreateActiveAsync(tenantA.AdminHttp, tenantA.TenantId);
        var job = (await SendAsync(tenantA.AdminHttp, HttpMethod.Post, tenantA.Route($"/decoders/{decoder}/redecode-jobs"),
            new { from = From, to = From.AddDays(1) }, HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var before = await tenantA.AdminHttp.GetStringAsync(tenantA.Route($"/decoders/{decoder}"), Ct);

        foreach (var tenant in new[] { tenantA, tenantB })
        {
            var route = $"/api/tenants/{tenant.TenantId}/decoders/{decoder}";
            var requests = new (HttpMethod Method, string Route, object? Body)[]
            {
                (HttpMethod.Get, route, null),
                (HttpMethod.Patch, route, new { name = "taken" }),
                (HttpMethod.Delete, route, null),
                (HttpMethod.Get, route + "/versions", null),
                (HttpMethod.Get, route + "/versions/1", null),
                (HttpMethod.Post, route + "/versions", TlvVersion()),
                (HttpMethod.Post, route + "/versions/1/activate", null),
                (HttpMethod.Get, route + "/redecode-jobs", null),
                (HttpMethod.Get, $"{route}/redecode-jobs/{job}", null),
                (HttpMethod.Post, route + "/redecode-jobs", new { from = From, to = From.AddDays(1) }),
                (HttpMethod.Post, $"/api/tenants/{tenant.TenantId}/decoders/test", new { decoderId = decoder, version = 1, fPort = 85, bytes = "017564" }),
            };

            foreach (var (method, path, body) in requests)
            {
                var problem = await SendAsync(tenantB.AdminHttp, method, path, body, HttpStatusCode.NotFound);
                Assert.DoesNotContain(decoder.ToString(), problem.ToJsonString());
            }
        }

        Assert.Equal(before, await tenantA.AdminHttp.GetStringAsync(tenantA.Route($"/decoders/{decoder}"), Ct));
        var listB = await SendAsync(tenantB.AdminHttp, HttpMethod.Get, tenantB.Route("/decoders?limit=500"), null, HttpStatusCode.OK);
        Assert.DoesNotContain(listB["items"]!.AsArray(), item => item!["id"]!.GetValue<Guid>() == decoder);
    }

    [Fact]
    public async Task DeviceOfAnotherTenantCannotBeGivenTheDecoder()
    {
        var tenantA = await TenantAdminScenario.CreateAsync(_seeder);
        var tenantB = await TenantAdminScenario.CreateAsync(_seeder);
        var decoder = IdOf(await CreateAsync(tenantA.AdminHttp, tenantA.TenantId));
        var deviceB = await _seeder.CreateDeviceAsync(tenantB.TenantId, await _seeder.CreateOrganizationAsync(tenantB.TenantId));

        using var response = await tenantB.AdminHttp.PatchAsync(tenantB.Route($"/devices/{deviceB}"),
            System.Net.Http.Json.JsonContent.Create(new { decoderId = decoder }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["decoderId"], await ProblemResponses.FieldsAsync(response));
        Assert.DoesNotContain(decoder.ToString(), await response.Content.ReadAsStringAsync(Ct));
        var device = await SendAsync(tenantB.AdminHttp, HttpMethod.Get, tenantB.Route($"/devices/{deviceB}"), null, HttpStatusCode.OK);
        Assert.Null(device["decoderId"]);
    }
}
