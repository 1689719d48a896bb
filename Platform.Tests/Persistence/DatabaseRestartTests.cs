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
        fixture.ToleratedErrorCategories =
        [
            "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", // the database is away for a moment
            "Microsoft.EntityFrameworkCore.Database.Command", // a health check's query failed meanwhile
            "Microsoft.EntityFrameworkCore.Database.Connection",
            "RabbitMQ.Client",
        ];
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

    private async Task<HttpStatusCode[]> LogInAllAsync(IEnumerable<SeededUser> users) =>
        await Task.WhenAll(users.Select(async user =>
        {
            using var http = fixture.CreateApiClient();
            using var response = await http.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = TestTenantSeeder.Password }, Ct);
            return response.StatusCode;
        }));
}
