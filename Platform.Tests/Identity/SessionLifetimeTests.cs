using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Core.Identity;
using Platform.Core.Persistence;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Identity;

/// <summary>Lockout, session expiry and password rehashing, with time moved in the database.</summary>
[Collection(PlatformAppCollection.Name)]
public sealed class SessionLifetimeTests(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FiveFailuresLockTheAccountSoEvenTheRightPasswordIsRefused()
    {
        var seeder = new TestTenantSeeder(fixture);
        var user = await seeder.CreateUserAsync();
        using var http = fixture.CreateApiClient();

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await http.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong-password-" + i }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await http.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = TestTenantSeeder.Password }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.True(await ScalarAsync<bool>("SELECT locked_out_until > now() + interval '14 minutes' FROM users WHERE id = @id", user.Id));

        // Once the lockout has passed, the right password works again.
        await ExecuteAsync("UPDATE users SET locked_out_until = now() - interval '1 second' WHERE id = @id", user.Id);
        using var later = await http.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = TestTenantSeeder.Password }, Ct);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task WrongPasswordsSentAtOnceAllCountTowardsTheLockout()
    {
        var seeder = new TestTenantSeeder(fixture);
        var user = await seeder.CreateUserAsync();

        // Ten guesses at the same moment, each from its own address (the per-address limit holds none back).
        var guesses = await Task.WhenAll(Enumerable.Range(0, 2 * User.MaxFailedLogins).Select(async i =>
        {
            using var http = fixture.CreateApiClient();
            using var wrong = await http.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong-password-" + i }, Ct);
            return wrong.StatusCode;
        }));
        using var client = fixture.CreateApiClient();
        using var right = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = TestTenantSeeder.Password }, Ct);

        Assert.All(guesses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.True(await ScalarAsync<bool>("SELECT locked_out_until > now() + interval '14 minutes' FROM users WHERE id = @id", user.Id));
        // One after the other: five counted failures, the fifth locked the account, the rest (and the
        // right password) met the lockout.
        Assert.Equal(User.MaxFailedLogins, await seeder.ScalarAsync<long>(
            "SELECT count(*) FROM audit_events WHERE action = 'auth.login.failed' AND outcome = 'Failure' AND target_id = @id", ("id", user.Id.ToString())));
        Assert.Equal(1L, await seeder.ScalarAsync<long>(
            "SELECT count(*) FROM audit_events WHERE action = 'auth.lockout' AND target_id = @id", ("id", user.Id.ToString())));
    }

    [Fact]
    public async Task AWrongCurrentPasswordAtAPasswordChangeCountsTowardsTheLockout()
    {
        var seeder = new TestTenantSeeder(fixture);
        var user = await seeder.CreateUserAsync();
        using var session = await seeder.LoginAsync(user);

        for (var i = 0; i < User.MaxFailedLogins; i++)
        {
            using var wrong = await session.PostAsJsonAsync("/api/me/password",
                new { currentPassword = "wrong-password-" + i, newPassword = "new-" + Guid.NewGuid().ToString("N") }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        // Locked: the right current password is refused here as at the login.
        using var right = await session.PostAsJsonAsync("/api/me/password",
            new { currentPassword = TestTenantSeeder.Password, newPassword = "new-" + Guid.NewGuid().ToString("N") }, Ct);
        using var client = fixture.CreateApiClient();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = TestTenantSeeder.Password }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.True(await ScalarAsync<bool>("SELECT locked_out_until > now() + interval '14 minutes' FROM users WHERE id = @id", user.Id));
    }

    [Theory]
    [InlineData("last_seen_at = now() - interval '31 minutes'")]
    [InlineData("expires_at = now() - interval '1 second'")]
    [InlineData("revoked_at = now()")]
    public async Task IdleExpiredOrRevokedSessionsStopWorking(string change)
    {
        var seeder = new TestTenantSeeder(fixture);
        var user = await seeder.CreateUserAsync();
        using var http = await seeder.LoginAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/me", Ct)).StatusCode);

        await ExecuteAsync($"UPDATE sessions SET {change} WHERE user_id = @id", user.Id);

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task AHashWithFewerIterationsIsUpgradedAtLogin()
    {
        var seeder = new TestTenantSeeder(fixture);
        var user = await seeder.CreateUserAsync();
        var weaker = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }))
            .HashPassword(null!, TestTenantSeeder.Password);
        await ExecuteAsync("UPDATE users SET password_hash = @hash WHERE id = @id", user.Id, weaker);

        using var _ = await seeder.LoginAsync(user);
        var stored = await ScalarAsync<string>("SELECT password_hash FROM users WHERE id = @id", user.Id);

        Assert.NotEqual(weaker, stored);
        // Identity v3 format: 0x01, PRF, iteration count (big-endian), salt length, salt, subkey.
        var bytes = Convert.FromBase64String(stored);
        Assert.Equal(PasswordHashing.Iterations, (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8]);
        Assert.Equal(2, (bytes[1] << 24) | (bytes[2] << 16) | (bytes[3] << 8) | bytes[4]); // HMACSHA512
    }

    private async Task ExecuteAsync(string sql, Guid id, string? hash = null)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        if (hash is not null)
        {
            command.Parameters.AddWithValue("hash", hash);
        }

        await command.ExecuteNonQueryAsync(Ct);
    }

    private async Task<T> ScalarAsync<T>(string sql, Guid id)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        // users and sessions are global tables: no tenant scope is involved.
        var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync(PersistenceExtensions.ConnectionName));
        await connection.OpenAsync(Ct);
        return connection;
    }
}
