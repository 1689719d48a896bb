using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using OtpNet;
using Platform.Core.Persistence;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Identity;

/// <summary>TOTP MFA of local users over HTTP, against the real stack; codes come from Otp.NET as an app makes them.</summary>
[Collection(PlatformAppCollection.Name)]
public sealed class MfaTests(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EnrolmentShowsTheSecretOnceAndEnablesMfaOnlyWhenConfirmed()
    {
        var (account, session) = await NewAccountAsync();

        var enrolment = await account.StartEnrolmentAsync(session);
        var pending = await session.GetFromJsonAsync<JsonObject>("/api/me/mfa", Ct);
        using var loginWhilePending = await account.LoginAsync();
        using var wrongCode = await session.PostAsJsonAsync("/api/me/mfa/enrolment/confirm",
            new { password = TestTenantSeeder.Password, code = OtherCode(await account.CodeAsync(0)) }, Ct);
        // A stolen session alone cannot put its own authenticator on the account.
        using var wrongPassword = await session.PostAsJsonAsync("/api/me/mfa/enrolment/confirm",
            new { password = "wrong-" + Guid.NewGuid(), code = await account.CodeAsync(0) }, Ct);
        var stillPending = await session.GetFromJsonAsync<JsonObject>("/api/me/mfa", Ct);
        using var confirmed = await session.PostAsJsonAsync("/api/me/mfa/enrolment/confirm",
            new { password = TestTenantSeeder.Password, code = await account.CodeAsync(0) }, Ct);
        var enabled = await session.GetFromJsonAsync<JsonObject>("/api/me/mfa", Ct);
        using var enrolAgain = await session.PostAsync("/api/me/mfa/enrolment", null, Ct);

        var secret = enrolment["secret"]!.GetValue<string>();
        Assert.Equal(20, Base32Encoding.ToBytes(secret).Length);
        var uri = enrolment["otpauthUri"]!.GetValue<string>();
        Assert.StartsWith("otpauth://totp/Platform:", uri);
        Assert.Contains($"secret={secret}", uri);
        Assert.Contains("issuer=Platform", uri);
        Assert.Contains(Uri.EscapeDataString(account.User.Email), uri);
        Assert.StartsWith("data:image/png;base64,", enrolment["qrCode"]!.GetValue<string>());
        Assert.False(pending!["enabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, loginWhilePending.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.StatusCode);
        Assert.Contains("code", await ProblemResponses.FieldsAsync(wrongCode));
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        Assert.Contains("password", await ProblemResponses.FieldsAsync(wrongPassword));
        Assert.False(stillPending!["enabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var codes = (await confirmed.Content.ReadFromJsonAsync<JsonObject>(Ct))!["recoveryCodes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.Equal(10, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches("^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$", code));
        Assert.True(enabled!["enabled"]!.GetValue<bool>());
        Assert.NotNull(enabled["enrolledAt"]);
        Assert.Equal(10, enabled["recoveryCodesLeft"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Conflict, enrolAgain.StatusCode);
        Assert.Contains(await account.AuditAsync(), entry => entry.Action == "mfa.enrolled");
    }

    [Fact]
    public async Task LoginAsksForTheCodeOnlyAfterTheRightPasswordAndRefusesAReplayedCode()
    {
        var (account, session) = await NewAccountAsync();
        await account.EnrolAsync(session);
        var code = await account.CodeAsync(0);

        using var wrongPasswordRightCode = await account.LoginAsync(code, password: "wrong-" + Guid.NewGuid());
        using var wrongPasswordNoCode = await account.LoginAsync(password: "wrong-" + Guid.NewGuid());
        using var noCode = await account.LoginAsync();
        using var wrongCode = await account.LoginAsync(OtherCode(code));
        using var rightCode = await account.LoginAsync(code);
        using var replayed = await account.LoginAsync(code);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPasswordRightCode.StatusCode);
        Assert.Equal(MfaAccount.InvalidCredentials, await MfaAccount.ProblemTypeAsync(wrongPasswordRightCode));
        Assert.Equal(MfaAccount.InvalidCredentials, await MfaAccount.ProblemTypeAsync(wrongPasswordNoCode));
        Assert.Equal(HttpStatusCode.Unauthorized, noCode.StatusCode);
        Assert.Equal(MfaAccount.MfaRequired, await MfaAccount.ProblemTypeAsync(noCode));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);
        Assert.Equal(MfaAccount.MfaCodeInvalid, await MfaAccount.ProblemTypeAsync(wrongCode));
        Assert.Equal(HttpStatusCode.OK, rightCode.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(MfaAccount.MfaCodeInvalid, await MfaAccount.ProblemTypeAsync(replayed));
        var audit = await account.AuditAsync();
        Assert.Equal(2, audit.Count(entry => entry.Action == "mfa.failed"));
        Assert.DoesNotContain(audit, entry => entry.After?.Contains(code, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task WrongCodesCountTowardsTheLockoutAndAskingForTheCodeDoesNotResetTheCount()
    {
        var (account, session) = await NewAccountAsync();
        await account.EnrolAsync(session);
        var wrong = OtherCode(await account.CodeAsync(0));

        for (var i = 0; i < 4; i++)
        {
            using var failed = await account.LoginAsync(wrong);
            Assert.Equal(MfaAccount.MfaCodeInvalid, await MfaAccount.ProblemTypeAsync(failed));
        }

        using var askedForCode = await account.LoginAsync();
        using var fifth = await account.LoginAsync(wrong);
        using var rightCodeWhileLocked = await account.LoginAsync(await account.CodeAsync(0));

        Assert.Equal(MfaAccount.MfaRequired, await MfaAccount.ProblemTypeAsync(askedForCode));
        Assert.Equal(MfaAccount.MfaCodeInvalid, await MfaAccount.ProblemTypeAsync(fifth));
        Assert.Equal(HttpStatusCode.Unauthorized, rightCodeWhileLocked.StatusCode);
        Assert.Equal(MfaAccount.InvalidCredentials, await MfaAccount.ProblemTypeAsync(rightCodeWhileLocked));
        var audit = await account.AuditAsync();
        Assert.Equal(5, audit.Count(entry => entry.Action == "mfa.failed"));
        Assert.Contains(audit, entry => entry.Action == "auth.lockout");
    }

    [Fact]
    public async Task ARecoveryCodeSignsInOnceAndOnlyOnce()
    {
        var (account, session) = await NewAccountAsync();
        await account.EnrolAsync(session);
        var first = account.RecoveryCodes[0];
        // Typed as people type: upper case, no hyphens.
        var second = account.RecoveryCodes[1].Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();

        using var used = await account.LoginAsync(first);
        using var usedAgain = await account.LoginAsync(first);
        using var typed = await account.LoginAsync(second);
        var status = await session.GetFromJsonAsync<JsonObject>("/api/me/mfa", Ct);

        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, usedAgain.StatusCode);
        Assert.Equal(MfaAccount.MfaCodeInvalid, await MfaAccount.ProblemTypeAsync(usedAgain));
        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
        Assert.Equal(8, status!["recoveryCodesLeft"]!.GetValue<int>());
        Assert.Equal(2, (await account.AuditAsync()).Count(entry => entry.Action == "mfa.recovery-code-used"));
    }

    [Fact]
    public async Task RegeneratingRecoveryCodesReplacesTheOldOnes()
    {
        var (account, session) = await NewAccountAsync();
        await account.EnrolAsync(session);
        var old = account.RecoveryCodes;

        using var wrong = await session.PostAsJsonAsync("/api/me/mfa/recovery-codes", new { code = OtherCode(await account.CodeAsync(0)) }, Ct);
        using var regenerated = await session.PostAsJsonAsync("/api/me/mfa/recovery-codes", new { code = await account.CodeAsync(0) }, Ct);
        var fresh = (await regenerated.Content.ReadFromJsonAsync<JsonObject>(Ct))!["recoveryCodes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        using var oldCode = await account.LoginAsync(old[0]);
        using var newCode = await account.LoginAsync(fresh[0]);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, regenerated.StatusCode);
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(old));
        Assert.Equal(MfaAccount.MfaCodeInvalid, await MfaAccount.ProblemTypeAsync(oldCode));
        Assert.Equal(HttpStatusCode.OK, newCode.StatusCode);
        Assert.Contains(await account.AuditAsync(), entry => entry.Action == "mfa.recovery-codes-regenerated");
    }

    [Fact]
    public async Task EnablingMfaEndsTheUsersOtherSessionsButNotThisOne()
    {
        var (account, session) = await NewAccountAsync();
        using var other = await account.SessionAsync();

        await account.EnrolAsync(session);

        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task RemovingMfaTakesThePasswordAndACodeAndEndsTheOtherSessions()
    {
        var (account, session) = await NewAccountAsync();
        await account.EnrolAsync(session);
        using var other = await account.SessionAsync(await account.CodeAsync(0));
        var code = await account.CodeAsync(1);

        using var wrongPassword = await RemoveAsync(session, "wrong-" + Guid.NewGuid(), code);
        using var wrongCode = await RemoveAsync(session, TestTenantSeeder.Password, OtherCode(code));
        using var removed = await RemoveAsync(session, TestTenantSeeder.Password, code);
        var status = await session.GetFromJsonAsync<JsonObject>("/api/me/mfa", Ct);
        using var loginWithoutCode = await account.LoginAsync();

        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        Assert.Contains("password", await ProblemResponses.FieldsAsync(wrongPassword));
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.StatusCode);
        Assert.Contains("code", await ProblemResponses.FieldsAsync(wrongCode));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.False(status!["enabled"]!.GetValue<bool>());
        Assert.Equal(0, status["recoveryCodesLeft"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, loginWithoutCode.StatusCode);
        var audit = await account.AuditAsync();
        Assert.Contains(audit, entry => entry.Action == "mfa.removed");
        Assert.Equal(2, audit.Count(entry => entry.Action == "mfa.failed"));
    }

    [Fact]
    public async Task TheStoredSecretIsEncryptedAndRecoveryCodesAreStoredAsHashes()
    {
        var (account, session) = await NewAccountAsync();
        await account.EnrolAsync(session);
        var secret = Base32Encoding.ToBytes(account.Secret!);

        await using var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync(PersistenceExtensions.ConnectionName));
        await connection.OpenAsync(Ct);
        await using var secretQuery = new NpgsqlCommand("SELECT protected_secret FROM totp_authenticators WHERE user_id = @user", connection);
        secretQuery.Parameters.AddWithValue("user", account.User.Id);
        var stored = (string)(await secretQuery.ExecuteScalarAsync(Ct))!;
        await using var codesQuery = new NpgsqlCommand("SELECT code_hash FROM recovery_codes WHERE user_id = @user", connection);
        codesQuery.Parameters.AddWithValue("user", account.User.Id);
        var hashes = new List<byte[]>();
        await using (var reader = await codesQuery.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                hashes.Add((byte[])reader[0]);
            }
        }

        await using var keysQuery = new NpgsqlCommand("SELECT xml FROM data_protection_keys", connection);
        var keys = new List<string>();
        await using (var reader = await keysQuery.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                keys.Add(reader.GetString(0));
            }
        }

        // The key ring is in PostgreSQL, where every API instance finds it, not in a file of one of
        // them; and each key in it is encrypted with the secret from outside the database.
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Contains("platformEncryptedKey", key, StringComparison.Ordinal));
        Assert.All(keys, key => Assert.DoesNotContain("<value>", key, StringComparison.Ordinal));
        Assert.DoesNotContain(account.Secret!, stored, StringComparison.OrdinalIgnoreCase);
        var ciphertext = Base64Url.DecodeFromChars(stored);
        Assert.True(ciphertext.AsSpan().IndexOf(secret) < 0, "the secret's bytes are in the stored value");
        Assert.True(ciphertext.Length > secret.Length);
        Assert.Equal(10, hashes.Count);
        Assert.All(account.RecoveryCodes, code => Assert.Contains(hashes,
            hash => hash.SequenceEqual(SHA256.HashData(Encoding.ASCII.GetBytes(code.Replace("-", "", StringComparison.Ordinal))))));
    }

    [Fact]
    public async Task MfaEndpointsServeSignedInUsersNotAnonymousCallersNorApiTokens()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        var user = await seeder.CreateUserAsync(tenant, TenantRole.Member);
        using var session = await seeder.LoginAsync(user);
        using var created = await session.PostAsJsonAsync($"/api/tenants/{tenant}/tokens",
            new { name = "MFA test token", scopes = new[] { "devices:read" }, expiresAt = DateTimeOffset.UtcNow.AddDays(1) }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["token"]!.GetValue<string>();
        using var anonymous = fixture.CreateApiClient();
        using var withToken = fixture.CreateApiClient();
        withToken.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        foreach (var (method, path) in Routes)
        {
            using var unauthenticated = await anonymous.SendAsync(Request(method, path), Ct);
            using var byToken = await withToken.SendAsync(Request(method, path), Ct);

            Assert.True(HttpStatusCode.Unauthorized == unauthenticated.StatusCode, $"{method} {path} anonymous: {unauthenticated.StatusCode}");
            Assert.True(HttpStatusCode.Forbidden == byToken.StatusCode, $"{method} {path} with an API token: {byToken.StatusCode}");
        }
    }

    private static readonly (HttpMethod Method, string Path)[] Routes =
    [
        (HttpMethod.Get, "/api/me/mfa"),
        (HttpMethod.Post, "/api/me/mfa/enrolment"),
        (HttpMethod.Post, "/api/me/mfa/enrolment/confirm"),
        (HttpMethod.Delete, "/api/me/mfa"),
        (HttpMethod.Post, "/api/me/mfa/recovery-codes"),
    ];

    private static HttpRequestMessage Request(HttpMethod method, string path) => new(method, path)
    {
        Content = method == HttpMethod.Get ? null : JsonContent.Create(new { code = "000000", password = "x" }),
    };

    private async Task<(MfaAccount Account, HttpClient Session)> NewAccountAsync()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        var user = await seeder.CreateUserAsync(tenant, TenantRole.Member);
        var account = new MfaAccount(fixture, user);
        return (account, await account.SessionAsync());
    }

    private static Task<HttpResponseMessage> RemoveAsync(HttpClient session, string password, string code) =>
        session.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me/mfa") { Content = JsonContent.Create(new { password, code }) }, Ct);

    /// <summary>A six-digit code that is not <paramref name="code"/>.</summary>
    private static string OtherCode(string code) => ((int.Parse(code) + 1) % 1_000_000).ToString("D6");
}
