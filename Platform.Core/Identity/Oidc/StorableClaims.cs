using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.Core.Identity.Providers;

namespace Platform.Core.Identity.Oidc;

/// <summary>
/// Whether what a sign-in would write from a validated token fits where it is written: the provider
/// chooses these values, so one that is too long for its column, carries NUL (which PostgreSQL text
/// cannot hold) or half a surrogate pair (which is no UTF-8) is a refusal with its reason, never a
/// failed write and a 500.
/// </summary>
public static class StorableClaims
{
    /// <summary>The reason the values cannot be stored, or null when they can.</summary>
    public static string? Problem(OidcProviderSettings provider, string subject, JsonWebToken token)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(token);
        if (!Fits(provider.Issuer, ExternalIdentity.MaxIssuerLength))
        {
            return $"the issuer is not text of 1 to {ExternalIdentity.MaxIssuerLength} characters";
        }

        if (!Fits(subject, ExternalIdentity.MaxSubjectLength))
        {
            return $"ID token: the subject is not text of 1 to {ExternalIdentity.MaxSubjectLength} characters";
        }

        if (ExternalClaims.Email(token) is { } email && !Fits(email.Trim(), User.MaxEmailLength))
        {
            return $"ID token: the e-mail is not text of 1 to {User.MaxEmailLength} characters";
        }

        // An over-long name is shortened for display; only what no length fixes is refused.
        return ExternalClaims.Name(token) is { } name && !IsText(name) ? "ID token: the name is not storable text" : null;
    }

    public static bool Fits(string? value, int maxLength) => !string.IsNullOrEmpty(value) && value.Length <= maxLength && IsText(value);

    /// <summary>No NUL, no lone surrogate: what PostgreSQL's UTF-8 text can hold.</summary>
    public static bool IsText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return !value.Contains('\0', StringComparison.Ordinal) && IsWellFormed(value);
    }

    private static bool IsWellFormed(string value)
    {
        for (var index = 0; index < value.Length;)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(index), out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            index += consumed;
        }

        return true;
    }
}
