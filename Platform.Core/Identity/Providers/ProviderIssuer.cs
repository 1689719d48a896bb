using System.Text.RegularExpressions;
using Platform.Core.Identity.Oidc;

namespace Platform.Core.Identity.Providers;

/// <summary>
/// The shape of an issuer: an absolute http or https URL without user info, query or fragment
/// (whether the platform may contact it, and over http, is <see cref="ProviderDestinationRule"/>'s to
/// say, with the operators' allow-list); for Entra ID its last two path
/// segments are <c>{directory guid}/v2.0</c>, as in <c>https://login.microsoftonline.com/{tid}/v2.0</c>,
/// and that guid is the directory every token must name in <c>tid</c>.
/// </summary>
public static partial class ProviderIssuer
{
    public const int MaxLength = 500;

    /// <returns>Why the issuer is not acceptable, or null (then <paramref name="directoryId"/> is set for Entra ID).</returns>
    public static string? Problem(IdentityProviderKind kind, string issuer, out string? directoryId)
    {
        directoryId = null;
        if (string.IsNullOrEmpty(issuer) || issuer.Length > MaxLength || issuer.Trim() != issuer
            || !Uri.TryCreate(issuer, UriKind.Absolute, out var uri))
        {
            return $"The issuer is an absolute URL of at most {MaxLength} characters.";
        }

        if (uri.Scheme is not ("https" or "http"))
        {
            return "The issuer must be an https URL.";
        }

        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0 || issuer.Contains('#') || issuer.Contains('?'))
        {
            return "The issuer has no user info, query or fragment.";
        }

        if (kind == IdentityProviderKind.EntraId)
        {
            var match = EntraPath().Match(uri.AbsolutePath);
            if (!match.Success || !Guid.TryParseExact(match.Groups["tid"].Value, "D", out var tid) || tid == Guid.Empty)
            {
                return "An Entra ID issuer ends in /{directory id}/v2.0, e.g. https://login.microsoftonline.com/{directory id}/v2.0.";
            }

            directoryId = tid.ToString("D");
        }

        return null;
    }

    [GeneratedRegex(@"/(?<tid>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/v2\.0/?$")]
    private static partial Regex EntraPath();
}
