using System.Net;

namespace Platform.Core.Identity.Oidc;

/// <summary>
/// Where the platform may go for an identity provider, the platform's own included: https to a
/// public address, unless the operators' allow-list names that exact host and port (then http too).
/// Judged twice: on the URL before a request (a tenant's settings are refused early, naming the
/// field), and on the address actually connected to (<see cref="Permits"/>), so that a name which
/// resolves, or later re-resolves, to a forbidden address gets nowhere.
/// </summary>
public static class ProviderDestinationRule
{
    /// <returns>Why the platform may not contact this URL (for the admin who entered it), or null.</returns>
    public static string? Refusal(Uri uri, ProviderAllowList allowList)
    {
        if (!uri.IsAbsoluteUri || uri.Scheme is not ("http" or "https"))
        {
            return "Only http and https URLs are contacted.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "The URL has no user info.";
        }

        if (allowList.Allows(uri))
        {
            return null;
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return "The URL must be https (http only for a destination the platform's operators allow).";
        }

        var host = ProviderHost.Of(uri);
        if (ProviderHost.AddressOf(host) is { } address)
        {
            return ReservedAddresses.Classify(address) is { } kind
                ? $"The host is a {kind} address, which the platform does not contact."
                : null;
        }

        if (host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal))
        {
            return "The host is a loopback name, which the platform does not contact.";
        }

        // A single label names something of the local network (search domains), never a public server;
        // a numeric last label is an address in a spelling a resolver may still read as one.
        var lastLabel = host[(host.LastIndexOf('.') + 1)..];
        if (!host.Contains('.', StringComparison.Ordinal) || lastLabel.All(char.IsAsciiDigit) || lastLabel.StartsWith("0x", StringComparison.Ordinal))
        {
            return "The host is not a fully qualified public name.";
        }

        return null;
    }

    /// <summary>
    /// The connect-time decision: <paramref name="address"/> is what <paramref name="host"/> resolved
    /// to (or the host itself, written as an address). An allowed host:port may be anything; any
    /// other must be a public address.
    /// </summary>
    public static bool Permits(IPAddress address, string host, int port, ProviderAllowList allowList) =>
        allowList.Allows(host, port) || ReservedAddresses.Classify(address) is null;

    /// <summary>
    /// A URL from a discovery document that the platform will call (token endpoint, jwks_uri): on the
    /// issuer's scheme, host and port, or itself an allowed destination. Otherwise a tenant's discovery
    /// document could send the platform, and the client secret, anywhere.
    /// </summary>
    /// <returns>A <see cref="ProviderFailure"/> code, or null.</returns>
    public static string? EndpointProblem(Uri issuer, string? endpoint, ProviderAllowList allowList)
    {
        if (string.IsNullOrEmpty(endpoint) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return ProviderFailure.DiscoveryFailed;
        }

        if (uri.UserInfo.Length > 0)
        {
            return ProviderFailure.EndpointNotOnIssuerHost;
        }

        var sameOrigin = string.Equals(uri.Scheme, issuer.Scheme, StringComparison.OrdinalIgnoreCase)
            && ProviderHost.Of(uri) == ProviderHost.Of(issuer) && uri.Port == issuer.Port;
        if (!sameOrigin && !allowList.Allows(uri))
        {
            return ProviderFailure.EndpointNotOnIssuerHost;
        }

        return Refusal(uri, allowList) is null ? null : ProviderFailure.DestinationNotAllowed;
    }
}
