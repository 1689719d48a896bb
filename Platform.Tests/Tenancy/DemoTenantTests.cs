using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Platform.AppHost.Infrastructure;
using Platform.Core.Devices;
using Platform.Core.Identity;
using Platform.Core.NetworkServer;
using Platform.Core.Persistence;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Tenancy;

/// <summary>The migrations' demo tenant, as the AppHost's default settings have it bootstrapped for the local stack.</summary>
[Collection(PlatformAppCollection.Name)]
public sealed class DemoTenantTests(PlatformAppFixture fixture)
{
    // What the AppHost gives the simulator and the migrations alike when the fixture starts it.
    private static readonly SimulatedFleet Fleet = new()
    {
        Devices = new PlatformHostingSettings().SimulatorDevices,
        Format = Enum.Parse<NetworkServerKind>(new PlatformHostingSettings().SimulatorFormat),
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDemoTenantOwnsTheSimulatorsDevicesAndThePlatformAdminRunsIt()
    {
        var tenantId = await DemoTenantIdAsync();
        using var admin = await new TestTenantSeeder(fixture).LoginAsPlatformAdminAsync();

        var devices = await ItemsAsync(admin, $"/api/tenants/{tenantId}/devices?limit=500");
        var organization = Assert.Single(await ItemsAsync(admin, $"/api/tenants/{tenantId}/organizations?limit=500"))!;
        var member = Assert.Single(await ItemsAsync(admin, $"/api/tenants/{tenantId}/members?limit=500"))!;
        var created = await ItemsAsync(admin, $"/api/tenants/{tenantId}/audit?action=device.created&limit=500");
        var verified = await admin.GetFromJsonAsync<JsonObject>($"/api/tenants/{tenantId}/audit/verify", Ct);

        Assert.Equal(
            Fleet.Members().Select(device => (device.DevEui.Value, device.Name)),
            devices.Select(device => (device!["devEui"]!.GetValue<string>(), device["name"]!.GetValue<string>())).Order());
        Assert.All(devices, device =>
        {
            Assert.Equal(Fleet.Binding.Kind.ToString(), device!["networkServer"]!["kind"]!.GetValue<string>());
            Assert.Equal(Fleet.Binding.ApplicationId, device["networkServer"]!["applicationId"]!.GetValue<string>());
            Assert.Equal(organization["id"]!.GetValue<Guid>(), device["organizationId"]!.GetValue<Guid>());
        });
        Assert.Equal(DemoTenantBootstrap.OrganizationName, organization["name"]!.GetValue<string>());
        Assert.Equal(fixture.GeneratedCredential("PLATFORM_ADMIN_EMAIL"), member["email"]!.GetValue<string>());
        Assert.Equal(nameof(TenantRole.Admin), member["role"]!.GetValue<string>());
        Assert.Equal(Fleet.Devices, created.Count);
        Assert.All(created, e => Assert.Equal("System", e!["actorType"]!.GetValue<string>()));
        Assert.True(verified!["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task BootstrappingAgainAddsNothingAndLeavesChangedDevicesAlone()
    {
        var tenantId = await DemoTenantIdAsync();
        using var admin = await new TestTenantSeeder(fixture).LoginAsPlatformAdminAsync();
        var devices = $"/api/tenants/{tenantId}/devices";
        var changed = (await ItemsAsync(admin, devices + "?limit=500"))
            .Single(device => device!["devEui"]!.GetValue<string>() == Fleet.Members()[0].DevEui.Value)!["id"]!.GetValue<Guid>();
        // Tags, not the name: the other test of this class checks the names, in whichever order they run.
        var tag = Guid.NewGuid().ToString("N");
        (await admin.PatchAsJsonAsync($"{devices}/{changed}", new { tags = new { changedBy = tag } }, Ct)).EnsureSuccessStatusCode();
        var idsBefore = (await ItemsAsync(admin, devices + "?limit=500")).Select(device => device!["id"]!.GetValue<Guid>()).Order().ToList();
        var auditBefore = (await ItemsAsync(admin, $"/api/tenants/{tenantId}/audit?limit=500")).Count;

        await BootstrapAsync();

        var after = await ItemsAsync(admin, devices + "?limit=500");
        Assert.Equal(idsBefore, after.Select(device => device!["id"]!.GetValue<Guid>()).Order());
        var tags = after.Single(device => device!["id"]!.GetValue<Guid>() == changed)!["tags"]!.AsObject();
        Assert.Equal(tag, Assert.Single(tags).Value!.GetValue<string>());
        Assert.Equal(auditBefore, (await ItemsAsync(admin, $"/api/tenants/{tenantId}/audit?limit=500")).Count);
    }

    /// <summary>The migrate command's bootstrap once more, in this process, as the services' role.</summary>
    private async Task BootstrapAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{PersistenceExtensions.ConnectionName}"] =
            await fixture.ConnectionStringAsync(PersistenceExtensions.ConnectionName);
        builder.AddPlatformDatabase();
        builder.Services.AddPlatformIdentity();
        builder.Services.AddScoped<DemoTenantBootstrap>();
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoTenantBootstrap>()
            .EnsureAsync(fixture.GeneratedCredential("PLATFORM_ADMIN_EMAIL"), Fleet, Ct);
    }

    private async Task<Guid> DemoTenantIdAsync()
    {
        await using var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync(PersistenceExtensions.ConnectionName));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT set_config('platform.scope', 'platform', false); SELECT id FROM tenants WHERE slug = @slug", connection);
        command.Parameters.AddWithValue("slug", DemoTenantBootstrap.TenantSlug);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        await reader.NextResultAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct), "no demo tenant");
        return reader.GetGuid(0);
    }

    private static async Task<JsonArray> ItemsAsync(HttpClient http, string path) =>
        (await http.GetFromJsonAsync<JsonObject>(path, Ct))!["items"]!.AsArray();
}
