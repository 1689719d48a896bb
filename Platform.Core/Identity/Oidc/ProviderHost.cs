using System.Net;

namespace Platform.Core.Identity.Oidc;

/// <summary>
/// One spelling for a host, so that a comparison cannot be dodged by writing it another way: the
/// IDNA form, lower case, without brackets, zone or trailing dot, and an IP address in its canonical
/// text (the URI parser already reads 2130706433, 0177.0.0.1 or 0x7f.1 as 127.0.0.1).
/// </summary>
public static class ProviderHost
{
    public static string Of(Uri uri) => Normalize(uri.IdnHost);

    public static string Normalize(string host)
    {
        var text = host.Trim().TrimStart('[').TrimEnd(']');
        var zone = text.IndexOf('%', StringComparison.Ordinal);
        if (zone >= 0)
        {
            text = text[..zone];
        }

        text = text.TrimEnd('.').ToLowerInvariant();
        return IPAddress.TryParse(text, out var address) ? address.ToString() : text;
    }

    /// <summary>The host as an IP address when it is written as one.</summary>
    public static IPAddress? AddressOf(string normalizedHost) =>
        IPAddress.TryParse(normalizedHost, out var address) ? address : null;
}
