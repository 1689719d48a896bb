using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Buffers.Text;

namespace Platform.Core.Identity;

/// <summary>
/// A platform-issued credential: <c>{prefix}{id}_{secret}</c>, with a 128-bit random id for lookup
/// and a 256-bit random secret. Only the SHA-256 of the whole token is stored.
/// </summary>
public sealed record OpaqueToken(string Prefix, string Id, string Value)
{
    public const string SessionPrefix = "pls_";

    public const string ApiTokenPrefix = "plt_";

    /// <summary>An invitation link's secret: travels in the URL fragment and request bodies, never in a query.</summary>
    public const string InvitationPrefix = "pli_";

    private const int IdBytes = 16;
    private const int SecretBytes = 32;

    public static OpaqueToken Create(string prefix)
    {
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(IdBytes));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return new OpaqueToken(prefix, id, $"{prefix}{id}_{secret}");
    }

    public static bool TryParse(string prefix, string? value, [NotNullWhen(true)] out OpaqueToken? token)
    {
        token = null;
        if (value is null || !value.StartsWith(prefix, StringComparison.Ordinal) || value.Length > 200)
        {
            return false;
        }

        var rest = value.AsSpan(prefix.Length);
        var separator = rest.IndexOf('_');
        // Base64url also uses '_': the id has a fixed length, so the separator follows it.
        var idLength = Base64Url.EncodeToString(new byte[IdBytes]).Length;
        if (separator < 0 || rest.Length <= idLength + 1 || rest[idLength] != '_')
        {
            return false;
        }

        token = new OpaqueToken(prefix, rest[..idLength].ToString(), value);
        return true;
    }

    public byte[] Hash() => SHA256.HashData(Encoding.UTF8.GetBytes(Value));

    public bool Matches(byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(), storedHash);

    /// <summary>Never the secret: records are printed by accident.</summary>
    public override string ToString() => $"{Prefix}{Id}_…";
}
