using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Platform.Core.Identity.Mfa;

/// <summary>
/// The key that encrypts the Data Protection key ring at rest. It comes from a secret outside the
/// database (<c>Platform:DataProtection:KeyEncryptionKey</c>, an AppHost secret parameter), so a
/// copy of the database alone opens no TOTP secret.
/// </summary>
public sealed class KeyRingKey
{
    public const string ConfigurationKey = "Platform:DataProtection:KeyEncryptionKey";

    // The AppHost generates 190 bits; anything much shorter is a mistake, not a key.
    private const int MinimumSecretLength = 24;

    private KeyRingKey(byte[] value) => Value = value;

    /// <summary>256 bits for AES-GCM, derived with HKDF so that the secret's text form does not matter.</summary>
    internal byte[] Value { get; }

    public static KeyRingKey From(IConfiguration configuration)
    {
        var secret = configuration[ConfigurationKey];
        if (string.IsNullOrEmpty(secret) || secret.Length < MinimumSecretLength)
        {
            throw new InvalidOperationException(
                $"{ConfigurationKey} is missing or shorter than {MinimumSecretLength} characters: the key ring that encrypts TOTP "
                + "secrets is not stored unencrypted.");
        }

        return new KeyRingKey(HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32,
            info: Encoding.ASCII.GetBytes("platform data protection key ring v1")));
    }

    /// <summary>Never the key.</summary>
    public override string ToString() => nameof(KeyRingKey);
}
