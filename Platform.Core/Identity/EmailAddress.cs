using System.Globalization;

namespace Platform.Core.Identity;

/// <summary>
/// The one form in which e-mail addresses are stored and compared. The domain is case-insensitive
/// in DNS, so it is compared in its IDNA (ASCII) form, lower-cased; the local part belongs to the
/// receiving server, so only its ASCII letters are folded. Unicode case mapping is not used: it
/// turns look-alikes into ASCII (<c>\u212A</c> KELVIN SIGN lower-cases to <c>k</c>, and with ICU
/// <c>\u017F</c> LONG S upper-cases to <c>S</c>), which would let <c>sec2\u212A@…</c> claim the
/// account of <c>sec2k@…</c>.
/// </summary>
public static class EmailAddress
{
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <summary>The stored form; <see cref="ArgumentException"/> for anything that is not one address.</summary>
    public static string Normalize(string email, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(email);
        email = email.Trim();
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1
            || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || !Oidc.StorableClaims.IsText(email))
        {
            throw new ArgumentException("Not a valid e-mail address.", nameof(email));
        }

        var normalized = FoldAscii(email[..at]) + "@" + Domain(email[(at + 1)..]);
        return normalized.Length <= maxLength ? normalized : throw new ArgumentException("Not a valid e-mail address.", nameof(email));
    }

    /// <summary>A domain in its comparable form: IDNA ASCII, lower-cased. <see cref="ArgumentException"/> when it is none.</summary>
    public static string Domain(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        // Unicode case mapping is right here, unlike in the local part: IDNA maps a domain's case
        // itself (UTS #46), and .NET's IdnMapping leaves it to the caller.
        return FoldAscii(Idn.GetAscii(domain.Trim().ToLowerInvariant()));
    }

    private static string FoldAscii(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var index = 0; index < source.Length; index++)
        {
            span[index] = char.IsAsciiLetterUpper(source[index]) ? (char)(source[index] | 0x20) : source[index];
        }
    });
}
