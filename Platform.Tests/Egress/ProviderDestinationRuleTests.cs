using System.Net;
using Platform.Core.Identity.Oidc;

namespace Platform.Tests.Egress;

/// <summary>
/// The destination rule as pure functions over generated data: the URL check (every spelling of
/// every reserved address), the connect-time decision over the resolved address with and without
/// an allow-list entry, and the endpoints a discovery document may name.
/// </summary>
public sealed class ProviderDestinationRuleTests
{
    private static readonly ProviderAllowList DevProvider = ProviderAllowList.From(["http://127.0.0.1:24480"]);

    [Fact]
    public void EverySpellingOfAReservedDestinationIsRefused()
    {
        var cases = ForbiddenDestinations.IssuerUrls().ToList();

        var accepted = cases.Where(c => !Uri.TryCreate(c.Url, UriKind.Absolute, out var uri)
                                        || ProviderDestinationRule.Refusal(uri, ProviderAllowList.Empty) is null)
            .Select(c => $"{c.Url} [{c.Description}]").ToList();

        Assert.True(cases.Count > 500, $"only {cases.Count} cases");
        Assert.Empty(accepted);
    }

    [Fact]
    public void EveryReservedAddressIsRefusedAtConnectTimeUnlessItsHostAndPortAreAllowed()
    {
        var forms = ForbiddenDestinations.AddressForms().ToList();
        var allowed = ProviderAllowList.From(["idp.internal.example:8443"]);

        var permitted = forms.Where(f => ProviderDestinationRule.Permits(f.Address, "idp.example.com", 443, ProviderAllowList.Empty))
            .Select(f => f.Description).ToList();
        var refusedDespiteEntry = forms.Where(f => !ProviderDestinationRule.Permits(f.Address, "IDP.internal.example.", 8443, allowed))
            .Select(f => f.Description).ToList();
        var otherPort = forms.Where(f => ProviderDestinationRule.Permits(f.Address, "idp.internal.example", 443, allowed))
            .Select(f => f.Description).ToList();

        Assert.True(forms.Count > 200, $"only {forms.Count} cases");
        Assert.Empty(permitted);
        Assert.Empty(refusedDespiteEntry);
        Assert.Empty(otherPort);
    }

    [Fact]
    public void PublicAddressesNextToTheReservedRangesArePermitted()
    {
        var refused = ForbiddenDestinations.PublicNeighbours
            .Where(text => !ProviderDestinationRule.Permits(IPAddress.Parse(text), "idp.example.com", 443, ProviderAllowList.Empty)
                           || ProviderDestinationRule.Refusal(new Uri($"https://{(text.Contains(':') ? $"[{text}]" : text)}/realms/x"),
                               ProviderAllowList.Empty) is not null)
            .ToList();

        Assert.Empty(refused);
        Assert.Null(ProviderDestinationRule.Refusal(new Uri("https://login.microsoftonline.com/x/v2.0"), ProviderAllowList.Empty));
    }

    [Theory]
    [InlineData("http://127.0.0.1:24480/realms/platform", true)]
    [InlineData("https://127.0.0.1:24480/realms/platform", true)]
    [InlineData("http://2130706433:24480/realms/platform", true)]
    [InlineData("http://127.0.0.1:24481/realms/platform", false)]
    [InlineData("http://127.0.0.2:24480/realms/platform", false)]
    [InlineData("http://localhost:24480/realms/platform", false)]
    [InlineData("http://[::1]:24480/realms/platform", false)]
    [InlineData("http://[::ffff:127.0.0.1]:24480/realms/platform", false)]
    [InlineData("http://user@127.0.0.1:24480/realms/platform", false)]
    public void AnAllowListEntryAllowsExactlyItsHostAndPort(string url, bool allowed) =>
        Assert.Equal(allowed, ProviderDestinationRule.Refusal(new Uri(url), DevProvider) is null);

    [Theory]
    [InlineData("https://keycloak.internal:8443", "https://keycloak.internal:8443/realms/x", true)]
    [InlineData("https://keycloak.internal:8443", "http://keycloak.internal:8443/realms/x", false)]
    [InlineData("http://keycloak:8080", "http://keycloak:8080/realms/x", true)]
    [InlineData("keycloak:8080", "https://keycloak:8080/realms/x", true)]
    [InlineData("[::1]:8080", "http://[0:0:0:0:0:0:0:1]:8080/realms/x", true)]
    public void AllowListEntriesComeInThreeForms(string entry, string url, bool allowed) =>
        Assert.Equal(allowed, ProviderDestinationRule.Refusal(new Uri(url), ProviderAllowList.From([entry])) is null);

    [Theory]
    [InlineData("keycloak")]
    [InlineData("keycloak:")]
    [InlineData("http://keycloak:8080/realms")]
    [InlineData("http://user@keycloak:8080")]
    [InlineData("ftp://keycloak:21")]
    [InlineData("keycloak:99999")]
    public void AMalformedAllowListEntryStopsTheService(string entry) =>
        Assert.Throws<InvalidOperationException>(() => ProviderAllowList.From([entry]));

    public static TheoryData<string, string?> Endpoints(int port, int other) => new()
    {
        { $"http://127.0.0.1:{port}/realms/x/token", null },
        { $"http://127.0.0.1:{port}/realms/x/jwks?x=1", null },
        { $"http://127.0.0.1:{port}/elsewhere", null },
        { $"http://127.0.0.1:{other}/token", ProviderFailure.EndpointNotOnIssuerHost },
        { $"http://localhost:{port}/token", ProviderFailure.EndpointNotOnIssuerHost },
        { $"http://127.0.0.2:{port}/token", ProviderFailure.EndpointNotOnIssuerHost },
        { $"http://[::ffff:127.0.0.1]:{port}/token", ProviderFailure.EndpointNotOnIssuerHost },
        // The entry allows its host and port for either scheme.
        { $"https://127.0.0.1:{port}/token", null },
        { $"https://127.0.0.1:{other}/token", ProviderFailure.EndpointNotOnIssuerHost },
        { $"file:///etc/passwd", ProviderFailure.DiscoveryFailed },
        { $"http://127.0.0.1:{port}@127.0.0.1:{other}/token", ProviderFailure.EndpointNotOnIssuerHost },
        { $"http://169.254.169.254/latest/meta-data", ProviderFailure.EndpointNotOnIssuerHost },
        { "https://idp.example.com/token", ProviderFailure.EndpointNotOnIssuerHost },
        { "/token", ProviderFailure.DiscoveryFailed },
        { "", ProviderFailure.DiscoveryFailed },
    };

    public static TheoryData<string, string?> DevProviderEndpoints => Endpoints(24480, 24481);

    [Theory]
    [MemberData(nameof(DevProviderEndpoints))]
    public void ADiscoveryDocumentsEndpointsStayOnTheIssuersHost(string endpoint, string? problem) =>
        Assert.Equal(problem, ProviderDestinationRule.EndpointProblem(new Uri("http://127.0.0.1:24480/realms/x"), endpoint, DevProvider));

    [Fact]
    public void AnEndpointOnAnotherHostIsAcceptedWhenTheOperatorsAllowIt()
    {
        var allowList = ProviderAllowList.From(["https://oauth2.googleapis.com:443"]);

        Assert.Null(ProviderDestinationRule.EndpointProblem(new Uri("https://accounts.google.com"), "https://oauth2.googleapis.com/token", allowList));
        Assert.Equal(ProviderFailure.EndpointNotOnIssuerHost,
            ProviderDestinationRule.EndpointProblem(new Uri("https://accounts.google.com"), "https://www.googleapis.com/oauth2/v3/certs", allowList));
    }
}
