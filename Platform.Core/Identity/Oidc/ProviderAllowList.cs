using System.Globalization;

namespace Platform.Core.Identity.Oidc;

/// <summary>
/// The destinations the operators let identity providers use although the destination rule would
/// refuse them (a development provider on loopback, an in-cluster Keycloak over http): exact host and
/// port, from configuration (<c>Platform:IdentityProviders:AllowedDestinations</c>), never from tenant
/// data. An entry is <c>host:port</c>, <c>http://host:port</c> (http or https) or <c>https://host:port</c>
/// (https only); hosts are compared in one normal form (<see cref="ProviderHost"/>).
/// </summary>
public sealed class ProviderAllowList
{
    public static readonly ProviderAllowList Empty = new([]);

    private readonly IReadOnlyList<Entry> _entries;

    private ProviderAllowList(IReadOnlyList<Entry> entries) => _entries = entries;

    /// <exception cref="InvalidOperationException">An entry is not of one of the forms above (a configuration error).</exception>
    public static ProviderAllowList From(IEnumerable<string>? entries)
    {
        var parsed = new List<Entry>();
        foreach (var raw in entries ?? [])
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var text = raw.Trim();
            var explicitScheme = text.Contains("://", StringComparison.Ordinal);
            if (!Uri.TryCreate(explicitScheme ? text : "http://" + text, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0 || uri.AbsolutePath != "/"
                || uri.Query.Length > 0 || uri.Fragment.Length > 0 || (!explicitScheme && !HasExplicitPort(text)))
            {
                throw new InvalidOperationException(
                    $"Platform:IdentityProviders:AllowedDestinations: '{text}' is not host:port, http://host:port or https://host:port.");
            }

            parsed.Add(new Entry(ProviderHost.Of(uri), uri.Port, HttpsOnly: explicitScheme && uri.Scheme == Uri.UriSchemeHttps));
        }

        return new ProviderAllowList(parsed);
    }

    public bool IsEmpty => _entries.Count == 0;

    /// <summary>Whether this host (any form; normalized here) and port are allowed, for any scheme.</summary>
    public bool Allows(string host, int port)
    {
        var normal = ProviderHost.Normalize(host);
        return _entries.Any(entry => entry.Port == port && entry.Host == normal);
    }

    /// <summary>Whether the URL's destination is allowed for its scheme.</summary>
    public bool Allows(Uri uri)
    {
        var host = ProviderHost.Of(uri);
        return _entries.Any(entry => entry.Port == uri.Port && entry.Host == host && (!entry.HttpsOnly || uri.Scheme == Uri.UriSchemeHttps));
    }

    private static bool HasExplicitPort(string text)
    {
        var colon = text.LastIndexOf(':');
        return colon > 0 && colon > text.LastIndexOf(']')
            && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535;
    }

    private sealed record Entry(string Host, int Port, bool HttpsOnly);
}
