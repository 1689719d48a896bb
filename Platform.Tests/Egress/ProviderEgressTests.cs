using System.Net;
using Platform.Core.Identity.Oidc;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Egress;

/// <summary>
/// The egress client against a listener on loopback: names and addresses that lead to loopback are
/// refused when connecting (no connection is ever made) unless the allow-list names that host and
/// port; no redirect is followed; an oversized answer is refused. Loopback traffic only.
/// </summary>
public sealed class ProviderEgressTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every way to name this machine at connect time: names resolved here, and addresses in every spelling.</summary>
    private static readonly string[] LoopbackHosts =
        ["localhost", "LOCALHOST", "127.0.0.1", "127.1", "127.0.0.2", "2130706433", "0x7f000001", "0177.0.0.1", "::1", "[::1]", "::ffff:127.0.0.1", "[::ffff:7f00:1]"];

    [Fact]
    public async Task ANameOrAddressThatLeadsToLoopbackIsRefusedAtConnectTimeWithoutAnAllowListEntry()
    {
        await using var listener = LoopbackHttpStub.Start();
        using var egress = new ProviderEgress(ProviderAllowList.Empty);
        var connected = new List<string>();

        foreach (var host in LoopbackHosts)
        {
            try
            {
                await using var stream = await egress.ConnectAsync(new DnsEndPoint(host, listener.Port), Ct);
                connected.Add(host);
            }
            catch (ProviderUnusableException refused) when (refused.Code == ProviderFailure.DestinationNotAllowed)
            {
            }
        }

        Assert.Empty(connected);
        Assert.Equal(0, await listener.ContactsAsync(Ct));
    }

    [Fact]
    public async Task AnAllowListEntryLetsExactlyThatHostAndPortThrough()
    {
        await using var listener = LoopbackHttpStub.Start();
        using var egress = new ProviderEgress(ProviderAllowList.From([$"localhost:{listener.Port}"]));

        await using (await egress.ConnectAsync(new DnsEndPoint("localhost", listener.Port), Ct))
        {
        }

        await Assert.ThrowsAsync<ProviderUnusableException>(async () => await egress.ConnectAsync(new DnsEndPoint("127.0.0.1", listener.Port), Ct));
        Assert.Equal(1, await listener.ContactsAsync(Ct));
    }

    [Fact]
    public async Task NoRedirectIsFollowedAndAnOversizedOrFailedAnswerIsOneCode()
    {
        await using var provider = LoopbackHttpStub.Start();
        await using var elsewhere = LoopbackHttpStub.Start();
        provider.Map("GET", "/moved", () => new StubResponse(302, "", Location: $"{provider.BaseUrl}/target"));
        provider.Map("GET", "/moved-away", () => new StubResponse(307, "", Location: $"{elsewhere.BaseUrl}/target"));
        provider.MapJson("/target", "{}");
        provider.MapJson("/huge", "\"" + new string('x', ProviderEgress.MaxResponseBytes + 1) + "\"");
        provider.Map("GET", "/teapot", () => new StubResponse(418, "secret body"));
        using var egress = new ProviderEgress(ProviderAllowList.From([provider.BaseUrl]));

        var codes = new List<string>();
        foreach (var path in new[] { "/moved", "/moved-away", "/huge", "/teapot", "/missing" })
        {
            var refused = await Assert.ThrowsAsync<ProviderUnusableException>(() => egress.GetDocumentAsync(provider.BaseUrl + path, Ct));
            codes.Add(refused.Code);
        }

        Assert.All(codes, code => Assert.Equal(ProviderFailure.DiscoveryFailed, code));
        Assert.DoesNotContain("GET /target", provider.Requests);
        Assert.Equal(0, await elsewhere.ContactsAsync(Ct));
        Assert.Equal("{}", await egress.GetDocumentAsync(provider.BaseUrl + "/target", Ct));
    }
}
