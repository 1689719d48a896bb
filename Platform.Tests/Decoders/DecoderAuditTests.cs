using System.Net;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using Platform.Tests.Members;
using static Platform.Tests.Decoders.DecoderApi;

namespace Platform.Tests.Decoders;

/// <summary>Each decoder change writes one tenant audit event, and none of them carries a script's text.</summary>
[Collection(PlatformAppCollection.Name)]
public sealed class DecoderAuditTests(PlatformAppFixture fixture)
{
    private static readonly DateTimeOffset From = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TestTenantSeeder _seeder = new(fixture);

    [Fact]
    public async Task EachDecoderChangeWritesOneEventWithoutTheScript()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var http = tenant.AdminHttp;
        var created = await OneEventAsync(tenant, "decoder.created",
            () => SendAsync(http, HttpMethod.Post, tenant.Route("/decoders"), new { name = UniqueName() }, HttpStatusCode.Created));
        var decoder = created["targetId"]!.GetValue<string>();
        var route = tenant.Route($"/decoders/{decoder}");
        await OneEventAsync(tenant, "decoder.updated", () => SendAsync(http, HttpMethod.Patch, route, new { name = UniqueName() }, HttpStatusCode.OK));
        var versioned = await OneEventAsync(tenant, "decoder.version-created",
            () => SendAsync(http, HttpMethod.Post, route + "/versions", TlvVersion(), HttpStatusCode.Created));
        var activated = await OneEventAsync(tenant, "decoder.version-activated",
            () => SendAsync(http, HttpMethod.Post, route + "/versions/1/activate", null, HttpStatusCode.OK));
        await OneEventAsync(tenant, "decoder.redecode-requested",
            () => SendAsync(http, HttpMethod.Post, route + "/redecode-jobs", new { from = From, to = From.AddDays(1) }, HttpStatusCode.Created));
        var device = await _seeder.CreateDeviceAsync(tenant.TenantId, await _seeder.CreateOrganizationAsync(tenant.TenantId));
        var assigned = await OneEventAsync(tenant, "device.decoder-assigned",
            () => SendAsync(http, HttpMethod.Patch, tenant.Route($"/devices/{device}"), new { decoderId = decoder }, HttpStatusCode.OK));
        await OneEventAsync(tenant, "device.decoder-assigned",
            () => SendAsync(http, HttpMethod.Patch, tenant.Route($"/devices/{device}"), new { decoderId = (Guid?)null }, HttpStatusCode.OK));
        await OneEventAsync(tenant, "decoder.deleted", () => SendAsync(http, HttpMethod.Delete, route, null, HttpStatusCode.NoContent));

        Assert.Null(activated["before"]!["activeVersion"]);
        Assert.Equal(1, activated["after"]!["activeVersion"]!.GetValue<int>());
        Assert.Null(assigned["before"]!["decoderId"]);
        Assert.Equal(decoder, assigned["after"]!["decoderId"]!.GetValue<string>());
        Assert.Equal(TlvScript.Length, versioned["after"]!["script"]!["length"]!.GetValue<int>());
        Assert.DoesNotContain("decodeUplink", versioned.ToJsonString());
    }

    private static async Task<JsonObject> OneEventAsync(TenantAdminScenario tenant, string action, Func<Task<JsonObject>> change)
    {
        var before = (await tenant.AuditEventsAsync(action)).Count;
        await change();
        var after = await tenant.AuditEventsAsync(action);
        Assert.True(after.Count == before + 1, $"{action}: {after.Count - before} events written");
        return after[0]!.AsObject();
    }
}
