using System.Net;

namespace Platform.Core.Identity.Oidc;

/// <summary>
/// The rule for every URL the platform contacts at an OpenID provider (issuer, authorization and
/// token endpoints): absolute, https, no user info, query or fragment; plain http only on a loopback
/// host, where the development and test providers run.
/// </summary>
public static class ProviderUrl
{
    /// <summary>127.0.0.0/8, ::1 and "localhost".</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    public static bool IsAcceptable(string? url, out Uri? uri)
    {
        uri = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Query.Length > 0 || parsed.Fragment.Length > 0
            || !string.IsNullOrEmpty(parsed.UserInfo))
        {
            return false;
        }

        if (parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && IsLoopback(parsed)))
        {
            uri = parsed;
            return true;
        }

        return false;
    }
}
