using Microsoft.IdentityModel.JsonWebTokens;

namespace Platform.Core.Identity.Oidc;

/// <summary>
/// OpenID Connect Core 3.1.3.7, items 4 and 5: an ID token with several audiences must name, in
/// <c>azp</c>, the client it was issued to, and an <c>azp</c> present at all must be our client id.
/// Without it, a token issued to another client of the provider that merely lists us among its
/// audiences would sign a person in here.
/// </summary>
public static class AuthorizedParty
{
    /// <summary>Why the ID token was not issued to <paramref name="clientId"/>, or null when it was.</summary>
    public static string? Problem(JsonWebToken idToken, string clientId)
    {
        ArgumentNullException.ThrowIfNull(idToken);
        var azps = idToken.Claims.Where(claim => claim.Type == "azp").ToList();
        if (azps.Count == 0)
        {
            return idToken.Audiences.Count() > 1 ? "ID token: several audiences and no azp" : null;
        }

        return azps.Count == 1 && azps[0].ValueType is not ("JSON" or "JSON_ARRAY")
            && string.Equals(azps[0].Value, clientId, StringComparison.Ordinal)
            ? null
            : "ID token: azp is not this client";
    }
}
