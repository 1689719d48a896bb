using System.Security.Cryptography;
using System.Text;

namespace Platform.Core.Identity.Mfa;

/// <summary>
/// One-time recovery codes: ten per enrolment, each twelve characters of Crockford's base32
/// (60 bits), shown once as <c>xxxx-xxxx-xxxx</c> and stored as SHA-256. Entry is forgiving:
/// case, hyphens, spaces and the look-alikes O/I/L do not matter.
/// </summary>
/// <remarks>
/// A plain hash suffices (no salt, no slow hash): at 60 random bits a code cannot be found by
/// guessing from its hash, unlike a password a person chose.
/// </remarks>
public static class RecoveryCodes
{
    public const int Count = 10;
    public const int Length = 12;
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static IReadOnlyList<string> Generate() =>
        Enumerable.Range(0, Count).Select(_ => Format(RandomNumberGenerator.GetString(Alphabet, Length))).ToList();

    /// <returns>The canonical form that is hashed, or null when the text cannot be a recovery code.</returns>
    public static string? Normalize(string? text)
    {
        if (text is null || text.Length > 2 * Length)
        {
            return null;
        }

        var canonical = new StringBuilder(Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            var mapped = c switch { 'o' => '0', 'i' or 'l' => '1', _ => c };
            if (!Alphabet.Contains(mapped, StringComparison.Ordinal))
            {
                return null;
            }

            canonical.Append(mapped);
        }

        return canonical.Length == Length ? canonical.ToString() : null;
    }

    /// <summary>The stored form of a code in canonical form (<see cref="Normalize"/>).</summary>
    public static byte[] Hash(string canonical) => SHA256.HashData(Encoding.ASCII.GetBytes(canonical));

    private static string Format(string code) => $"{code[..4]}-{code[4..8]}-{code[8..]}";
}
