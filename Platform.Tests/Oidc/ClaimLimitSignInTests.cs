using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Identity.Providers;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Oidc;

/// <summary>
/// A provider's claims that fit their columns sign in; those that do not are a refusal
/// (401 <c>sso-refused</c>, an audited <c>sso.login</c> failure with its reason), never a 500.
/// </summary>
[Collection(OidcAppCollection.Name)]
public sealed class ClaimLimitSignInTests(OidcAppFixture fixture)
{
    private readonly OidcApi _api = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClaimsThatDoNotFitTheirColumnsAreAnAuditedRefusalAndThoseThatFitSignIn()
    {
        var realm = fixture.Provider.Realm(OidcAppFixture.PlatformRealm);
        var seeder = new TestTenantSeeder(_api.Stack);
        var failures = new List<string>();
        foreach (var limitCase in fixture.ClaimLimitCases)
        {
            var refusalsBefore = await RefusalsAsync(seeder);
            using var response = await _api.SignInAsync(realm, limitCase.User.Sub);
            var body = await response.Content.ReadAsStringAsync(Ct);
            if (limitCase.Storable)
            {
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{limitCase.Description}: {(int)response.StatusCode}, expected 200");
                }

                continue;
            }

            var type = response.StatusCode == HttpStatusCode.Unauthorized ? JsonNode.Parse(body)?["type"]?.GetValue<string>() : null;
            var refusals = await RefusalsAsync(seeder);
            if (type != "https://platform.example/problems/sso-refused")
            {
                failures.Add($"{limitCase.Description}: {(int)response.StatusCode} {type}, expected 401 sso-refused");
            }
            else if (refusals.Count != refusalsBefore.Count + 1 || !refusals[^1].Contains("not", StringComparison.Ordinal))
            {
                failures.Add($"{limitCase.Description}: no audited refusal with its reason");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {fixture.ClaimLimitCases.Count} cases failed:\n" + string.Join('\n', failures));
    }

    private static async Task<IReadOnlyList<string>> RefusalsAsync(TestTenantSeeder seeder) =>
        [.. (await seeder.AuditAsync(null, OidcProviderSettings.PlatformProviderId.ToString()))
            .Where(entry => entry is { Action: "sso.login", Outcome: "Failure" })
            .Select(entry => entry.After)];
}
