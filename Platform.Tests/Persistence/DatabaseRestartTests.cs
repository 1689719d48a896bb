using System.Net;
using System.Net.Http.Json;
using Platform.Core.Persistence;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Persistence;

/// <summary>
/// A database restart kills every pooled connection of the services. The API probes its idle
/// connections, so once the database is back (and a probe has run) no request draws a dead one.
/// </summary>
[Collection(RestartsAppCollection.Name)]
public sealed class DatabaseRestartTests(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RequestsAfterADatabaseRestartDoNotFailOnDeadPooledConnections()
    {
        // Arrange: several logins at once leave several connections idle in the API's pool.
        ToleratePlatformErrorsOfAnAbsentDatabase();
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        var users = new List<SeededUser>();
        for (var i = 0; i < 8; i++)
        {
            users.Add(await seeder.CreateUserAsync(tenant, TenantRole.Member));
        }

        Assert.All(await LogInAllAsync(users), status => Assert.Equal(HttpStatusCode.OK, status));

        // Act: the database restarts; then as long as two probes take.
        await fixture.RestartAsync("postgres", Ct);
        await Task.Delay(TimeSpan.FromSeconds(3 * PersistenceExtensions.IdleConnectionProbeSeconds), Ct);

        // Assert: every login works, none hits a connection that died with the old server.
        Assert.All(await LogInAllAsync(users), status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task WhileTheDatabaseIsDownRequestsAnswer503WithRetryAfter()
    {
        // Arrange
        ToleratePlatformErrorsOfAnAbsentDatabase();
        var seeder = new TestTenantSeeder(fixture);
        var user = await seeder.CreateUserAsync(await seeder.CreateTenantAsync(), TenantRole.Member);
        var stopped = await fixture.App.ResourceCommands.ExecuteCommandAsync("postgres", "resource-stop", Ct);
        Assert.True(stopped.Success, stopped.Message);
        try
        {
            // Act
            using var http = fixture.CreateApiClient();
            using var response = await http.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = TestTenantSeeder.Password }, Ct);

            // Assert: "try again", said the RFC 9457 way, never a bare 500.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("5", response.Headers.RetryAfter?.ToString());
            var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(Ct);
            Assert.Equal("https://platform.example/problems/service-unavailable", problem!["type"]!.GetValue<string>());
        }
        finally
        {
            // Restarting a stopped resource starts it (and clears this process's dead pools).
            await fixture.RestartAsync("postgres", Ct);
        }

        // Back, the same login works.
        Assert.All(await LogInAllAsync([user]), status => Assert.Equal(HttpStatusCode.OK, status));
    }

    /// <summary>What the services log while the database is away is expected here; nothing else is.</summary>
    private void ToleratePlatformErrorsOfAnAbsentDatabase() =>
        fixture.TolerateErrorsOf(
        [
            "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", // the database is away for a moment
            "Microsoft.EntityFrameworkCore.Database.Command", // a query failed meanwhile
            "Microsoft.EntityFrameworkCore.Database.Connection",
            "Microsoft.EntityFrameworkCore.Query",
            "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", // the 503's exception
            "RabbitMQ.Client",
        ]);

    private async Task<HttpStatusCode[]> LogInAllAsync(IEnumerable<SeededUser> users) =>
        await Task.WhenAll(users.Select(async user =>
        {
            using var http = fixture.CreateApiClient();
            using var response = await http.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = TestTenantSeeder.Password }, Ct);
            return response.StatusCode;
        }));
}
