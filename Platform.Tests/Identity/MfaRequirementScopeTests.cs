using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Identity;

/// <summary>
/// A tenant's MFA requirement is that tenant's rule: it closes the tenant's own routes to sessions
/// of local members without MFA, and nothing else — not the member's other tenants, not their own
/// routes, not a platform admin's platform routes. Generated over which of the user's two tenants
/// require MFA, how the session was opened (password, or through either tenant's provider, which
/// binds it to that tenant), whether the user is a platform admin, and the roles they hold. Each
/// case probes before and after enrolling, with expectations computed from the rule.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class MfaRequirementScopeTests(PlatformAppFixture fixture)
{
    public enum Requirement { Neither, Second, Both }

    public enum SessionKind { Password, BoundToFirst, BoundToSecond }

    private static readonly (TenantRole First, TenantRole Second)[] RolePairs =
        [(TenantRole.Admin, TenantRole.Member), (TenantRole.Member, TenantRole.Viewer), (TenantRole.Viewer, TenantRole.Admin)];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every requirement × session × platform role; the role pairs rotate through the cases.</summary>
    public static TheoryData<Requirement, SessionKind, bool, TenantRole, TenantRole> Cases()
    {
        var cases = new TheoryData<Requirement, SessionKind, bool, TenantRole, TenantRole>();
        var index = 0;
        foreach (var requirement in Enum.GetValues<Requirement>())
        {
            foreach (var session in Enum.GetValues<SessionKind>())
            {
                foreach (var platformAdmin in new[] { false, true })
                {
                    var (first, second) = RolePairs[index++ % RolePairs.Length];
                    cases.Add(requirement, session, platformAdmin, first, second);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ARequirementClosesOnlyTheTenantThatSetsIt(Requirement requirement, SessionKind kind, bool platformAdmin,
        TenantRole firstRole, TenantRole secondRole)
    {
        var seeder = new TestTenantSeeder(fixture);
        var first = await seeder.CreateTenantAsync();
        var second = await seeder.CreateTenantAsync();
        var stranger = await seeder.CreateTenantAsync();
        var user = await seeder.CreateUserAsync(first, firstRole);
        await seeder.AddMemberAsync(second, user.Id, secondRole);
        if (platformAdmin)
        {
            await seeder.MakePlatformAdminAsync(user);
        }

        var requiring = requirement switch
        {
            Requirement.Second => new[] { second },
            Requirement.Both => [first, second],
            _ => [],
        };
        using (var operators = await seeder.LoginAsPlatformAdminAsync())
        {
            foreach (var tenant in requiring)
            {
                using var set = await operators.PatchAsJsonAsync($"/api/tenants/{tenant}", new { settings = new { requireMfa = true } }, Ct);
                Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            }
        }

        var account = new MfaAccount(fixture, user);
        Guid? bound = kind switch { SessionKind.BoundToFirst => first, SessionKind.BoundToSecond => second, _ => null };
        using var session = bound is { } boundTenant ? await seeder.OpenTenantBoundSessionAsync(user, boundTenant) : await account.SessionAsync();
        if (kind == SessionKind.Password)
        {
            using var login = await account.LoginAsync();
            Assert.Equal(requiring.Length > 0, (await login.Content.ReadFromJsonAsync<JsonObject>(Ct))!["mfaEnrolmentRequired"]!.GetValue<bool>());
        }

        var expected = new Expectation(first, second, stranger, requiring, bound, platformAdmin && bound is null);
        await expected.CheckAsync(session, enrolled: false);
        var status = (await session.GetFromJsonAsync<JsonObject>("/api/me/mfa", Ct))!;
        Assert.Equal(expected.RequiredByTenantIdsShown, status["requiredByTenantIds"]!.AsArray().Select(id => id!.GetValue<Guid>()).Order());
        Assert.Equal(expected.RequiredByTenantIdsShown.Any(), status["requiredByTenant"]!.GetValue<bool>());

        // Enrolling lifts every requirement at once, on the same session.
        await account.EnrolAsync(session);
        await expected.CheckAsync(session, enrolled: true);
    }

    private sealed record Expectation(Guid First, Guid Second, Guid Stranger, Guid[] Requiring, Guid? Bound, bool ActsAsPlatformAdmin)
    {
        public IEnumerable<Guid> RequiredByTenantIdsShown => Requiring.Where(id => Bound is null || id == Bound).Order();

        public async Task CheckAsync(HttpClient session, bool enrolled)
        {
            foreach (var tenant in new[] { First, Second })
            {
                // A member route of the tenant, and the tenant's record, which platform admins may also read as such.
                await ExpectAsync(session, $"/api/tenants/{tenant}/organizations", TenantAnswer(tenant, enrolled, platformRoute: false));
                await ExpectAsync(session, $"/api/tenants/{tenant}", TenantAnswer(tenant, enrolled, platformRoute: true));
            }

            // Not a member: not found, as for anyone, whatever the member's other tenants require.
            await ExpectAsync(session, $"/api/tenants/{Stranger}/organizations", (HttpStatusCode.NotFound, null));
            await ExpectAsync(session, "/api/me", (HttpStatusCode.OK, null));
            await ExpectAsync(session, "/api/tenants", (HttpStatusCode.OK, null));
            await ExpectAsync(session, "/api/admin/decoders", ActsAsPlatformAdmin ? (HttpStatusCode.OK, null) : (HttpStatusCode.Forbidden, MfaAccount.Forbidden));
        }

        private (HttpStatusCode, string?) TenantAnswer(Guid tenant, bool enrolled, bool platformRoute)
        {
            if (Bound is { } bound && bound != tenant)
            {
                return (HttpStatusCode.NotFound, null);
            }

            if (Requiring.Contains(tenant) && !enrolled && !(platformRoute && ActsAsPlatformAdmin))
            {
                return (HttpStatusCode.Forbidden, MfaAccount.EnrolmentRequired);
            }

            return (HttpStatusCode.OK, null);
        }

        private static async Task ExpectAsync(HttpClient session, string route, (HttpStatusCode Status, string? ProblemType) expected)
        {
            using var response = await session.GetAsync(route, Ct);
            Assert.True(response.StatusCode == expected.Status, $"GET {route}: {(int)response.StatusCode}, expected {(int)expected.Status}");
            if (expected.ProblemType is not null)
            {
                Assert.Equal(expected.ProblemType, await MfaAccount.ProblemTypeAsync(response));
            }
        }
    }
}
