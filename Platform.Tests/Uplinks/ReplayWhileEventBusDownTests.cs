using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Devices;
using Platform.Tests.Infrastructure;
using Platform.Tests.Ingestion;

namespace Platform.Tests.Uplinks;

/// <summary>
/// A replay publishes to RabbitMQ inside its transaction: while the broker is away the API answers
/// 503 with Retry-After and records nothing, and the same replay goes through once it is back.
/// </summary>
[Collection(RestartsAppCollection.Name)]
public sealed class ReplayWhileEventBusDownTests(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReplayWhileRabbitMqIsDownAnswers503AndGoesThroughOnceItIsBack()
    {
        // Arrange: an unknown device's uplink is rejected, then the device is registered.
        fixture.TolerateErrorsOf(
        [
            "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", // the broker is away for a moment
            "RabbitMQ.Client", // connections lost, recovering
            "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", // the 503's exception
        ]);
        var seeder = new TestTenantSeeder(fixture);
        var application = Guid.NewGuid();
        var devEui = TestTenantSeeder.RandomDevEui();
        var (topic, message, deduplicationId) = NetworkServerClient.ChirpStack(application, devEui, 5, [0x01, 0x75, 0x10], DateTimeOffset.UtcNow);
        await using (var networkServer = await NetworkServerClient.ConnectAsync(fixture))
        {
            await networkServer.PublishAsync(topic, message);
        }

        using var admin = await seeder.LoginAsPlatformAdminAsync();
        var id = (await UplinkTenant.RejectionAsync(fixture, admin, "/api/admin/rejected-uplinks?reason=UnknownDevice", topic))["id"]!.GetValue<Guid>();
        var tenant = await seeder.CreateTenantAsync();
        await seeder.CreateDeviceAsync(tenant, await seeder.CreateOrganizationAsync(tenant), devEui,
            new NetworkServerBinding(NetworkServerKind.ChirpStack, application.ToString()));
        var replay = $"/api/admin/rejected-uplinks/{id}/replay";

        // Act: replayed while RabbitMQ is stopped.
        var stopped = await fixture.App.ResourceCommands.ExecuteCommandAsync("rabbitmq", "resource-stop", Ct);
        Assert.True(stopped.Success, stopped.Message);
        HttpStatusCode whileDown;
        string? retryAfter;
        JsonObject? problem;
        JsonObject? rejectionWhileDown;
        try
        {
            using var response = await admin.PostAsync(replay, null, Ct);
            (whileDown, retryAfter) = (response.StatusCode, response.Headers.RetryAfter?.ToString());
            problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
            rejectionWhileDown = await admin.GetFromJsonAsync<JsonObject>($"/api/admin/rejected-uplinks/{id}", Ct);
        }
        finally
        {
            // Restarting a stopped resource starts it.
            await fixture.RestartAsync("rabbitmq", Ct);
        }

        // Back: the API's connection recovers on its own; until then the same replay keeps answering 503.
        var afterwards = await StoredUplinks.EventuallyAsync(async () =>
        {
            using var response = await admin.PostAsync(replay, null, Ct);
            return response.StatusCode;
        }, status => status != HttpStatusCode.ServiceUnavailable);
        var stored = await StoredUplinks.EventuallyAsync(() => new StoredUplinks(fixture).CountByKeyAsync(deduplicationId.ToString()), count => count > 0);

        // Assert: "try again", said the RFC 9457 way, and the rejection is not marked replayed.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDown);
        Assert.Equal("5", retryAfter);
        Assert.Equal("https://platform.example/problems/service-unavailable", problem!["type"]!.GetValue<string>());
        Assert.Null(rejectionWhileDown!["replayedAt"]);
        Assert.Equal(HttpStatusCode.Accepted, afterwards);
        Assert.Equal(1, stored);
    }
}
