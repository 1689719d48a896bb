using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Members;

/// <summary>
/// Removing a member from a tenant, or changing their role there, ends what is that tenant's — the
/// member's sessions bound to it and (on removal) their API tokens in it — and nothing of theirs
/// elsewhere: their password session keeps their other tenant and their own routes, and loses the
/// tenant, or acts with the new role in it, at once. Generated over every role change and removal
/// from every role, for ordinary users and platform admins.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class MemberChangeScopeTests(PlatformAppFixture fixture)
{
    private readonly TestTenantSeeder _seeder = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>From each role: removal (no new role) or a change to each other role; for users and platform admins.</summary>
    public static TheoryData<TenantRole, TenantRole?, bool> Cases()
    {
        var cases = new TheoryData<TenantRole, TenantRole?, bool>();
        foreach (var from in Enum.GetValues<TenantRole>())
        {
            foreach (var to in Enum.GetValues<TenantRole>().Where(role => role != from).Select(role => (TenantRole?)role).Prepend(null))
            {
                foreach (var platformAdmin in new[] { false, true })
                {
                    cases.Add(from, to, platformAdmin);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AMembershipChangeEndsOnlyWhatBelongsToTheTenant(TenantRole from, TenantRole? to, bool platformAdmin)
    {
        var changing = await TenantAdminScenario.CreateAsync(_seeder);
        var other = await _seeder.CreateTenantAsync();
        var user = await _seeder.CreateUserAsync(changing.TenantId, from);
        await _seeder.AddMemberAsync(other, user.Id, TenantRole.Member);
        if (platformAdmin)
        {
            await _seeder.MakePlatformAdminAsync(user);
        }

        using var unbound = await _seeder.LoginAsync(user);
        using var boundHere = await _seeder.OpenTenantBoundSessionAsync(user, changing.TenantId);
        using var boundElsewhere = await _seeder.OpenTenantBoundSessionAsync(user, other);
        using var tokenHere = await TokenClientAsync(unbound, changing.TenantId);
        using var tokenElsewhere = await TokenClientAsync(unbound, other);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(boundHere, "/api/me"));

        using var change = to is { } role
            ? await changing.AdminHttp.PatchAsJsonAsync(changing.Route($"/members/{user.Id}"), new { role = role.ToString() }, Ct)
            : await changing.AdminHttp.DeleteAsync(changing.Route($"/members/{user.Id}"), Ct);
        Assert.True(change.IsSuccessStatusCode, $"{(int)change.StatusCode}");

        // The tenant's own: its bound session ends; its token ends with the membership.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(boundHere, "/api/me"));
        Assert.Equal(to is null ? HttpStatusCode.Unauthorized : HttpStatusCode.OK,
            await StatusAsync(tokenHere, $"/api/tenants/{changing.TenantId}/devices"));
        // The member's elsewhere stays theirs.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(boundElsewhere, $"/api/tenants/{other}/organizations"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(tokenElsewhere, $"/api/tenants/{other}/devices"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(unbound, "/api/me"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(unbound, $"/api/tenants/{other}/organizations"));
        Assert.Equal(platformAdmin ? HttpStatusCode.OK : HttpStatusCode.Forbidden, await StatusAsync(unbound, "/api/admin/decoders"));
        // ... and reaches the tenant no more, or with the new role, from this request on.
        Assert.Equal(to is null ? HttpStatusCode.NotFound : HttpStatusCode.OK,
            await StatusAsync(unbound, $"/api/tenants/{changing.TenantId}/organizations"));
        Assert.Equal(to switch { null => HttpStatusCode.NotFound, TenantRole.Admin => HttpStatusCode.OK, _ => HttpStatusCode.Forbidden },
            await StatusAsync(unbound, $"/api/tenants/{changing.TenantId}/members"));

        // The audit record counts what was ended: the one bound session, and on removal the one token.
        var audit = (await _seeder.AuditAsync(changing.TenantId, user.Id.ToString()))
            .Single(entry => entry.Action == (to is null ? "member.removed" : "member.role.changed"));
        var after = JsonNode.Parse(audit.After)!;
        Assert.Equal(1, after["sessionsRevoked"]!.GetValue<int>());
        if (to is null)
        {
            Assert.Equal(1, after["tokensRevoked"]!.GetValue<int>());
        }
    }

    /// <summary>A client with a new API token of the session's user in the tenant.</summary>
    private async Task<HttpClient> TokenClientAsync(HttpClient session, Guid tenant)
    {
        using var created = await session.PostAsJsonAsync($"/api/tenants/{tenant}/tokens",
            new { name = "Integration", scopes = new[] { "devices:read" }, expiresAt = DateTimeOffset.UtcNow.AddDays(1) }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var http = fixture.CreateApiClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["token"]!.GetValue<string>());
        return http;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string route)
    {
        using var response = await http.GetAsync(route, Ct);
        return response.StatusCode;
    }
}
