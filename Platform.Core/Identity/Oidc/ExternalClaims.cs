using Microsoft.IdentityModel.JsonWebTokens;
using Platform.Core.Identity.Providers;

namespace Platform.Core.Identity.Oidc;

/// <summary>What the platform reads from a validated token: who it is (by provider kind) and an e-mail to show or to provision with.</summary>
public static class ExternalClaims
{
    /// <summary>
    /// The stable subject within the issuer. Entra: <c>tid:oid</c> — <c>sub</c> is pairwise per
    /// application there and e-mail is mutable and reassignable, so neither may name a person; the
    /// token's <c>tid</c> must be the configured directory (a multi-tenant issuer would otherwise let
    /// any directory in). Others: <c>sub</c>. Null when a required claim is missing or wrong.
    /// </summary>
    public static string? Subject(JsonWebToken token, OidcProviderSettings provider)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(provider);
        if (provider.Kind == IdentityProviderKind.EntraId)
        {
            var tid = Value(token, "tid");
            var oid = Value(token, "oid");
            return tid is null || oid is null || provider.EntraDirectoryId is null
                || !string.Equals(tid, provider.EntraDirectoryId, StringComparison.OrdinalIgnoreCase)
                ? null
                : $"{tid.ToLowerInvariant()}:{oid.ToLowerInvariant()}";
        }

        return Value(token, "sub");
    }

    /// <summary>E-mail for display and provisioning: <c>email</c>, else <c>preferred_username</c>, else <c>upn</c> (Entra often lacks the first).</summary>
    public static string? Email(JsonWebToken token)
    {
        foreach (var claim in (string[])["email", "preferred_username", "upn"])
        {
            if (Value(token, claim) is { } value && value.Contains('@', StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>True only for a boolean <c>email_verified: true</c> (or the string "true" some providers send).</summary>
    public static bool EmailVerified(JsonWebToken token) =>
        Value(token, "email_verified") is { } text && string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);

    public static string? Name(JsonWebToken token) => Value(token, "name");

    /// <summary>Every claim as a list of strings (array claims give one entry per element), for mapping rules.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> All(JsonWebToken token) =>
        token.Claims.GroupBy(claim => claim.Type, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<string>)group.Select(claim => claim.Value).ToList(), StringComparer.Ordinal);

    /// <summary>A single-valued claim; null when missing, empty or an array/object (which cannot name one thing).</summary>
    private static string? Value(JsonWebToken token, string claim)
    {
        var values = token.Claims.Where(c => c.Type == claim).Take(2).ToList();
        return values.Count == 1 && !string.IsNullOrWhiteSpace(values[0].Value)
            && values[0].ValueType is not ("JSON" or "JSON_ARRAY")
            ? values[0].Value
            : null;
    }
}
