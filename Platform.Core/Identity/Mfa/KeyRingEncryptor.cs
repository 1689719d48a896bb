using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Platform.Core.Identity.Mfa;

/// <summary>
/// Encrypts each Data Protection key with AES-256-GCM under <see cref="KeyRingKey"/> before it is
/// written to PostgreSQL. Without it the keys would lie in the same database as the secrets they
/// protect (ASP.NET Core encrypts keys at rest only with DPAPI, certificates or cloud vaults).
/// </summary>
public sealed class KeyRingEncryptor(KeyRingKey key) : IXmlEncryptor
{
    internal const int NonceSize = 12;
    internal const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedKey = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = sealedKey.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Value, TagSize))
        {
            aes.Encrypt(nonce, plaintext, sealedKey.AsSpan(NonceSize + TagSize), sealedKey.AsSpan(NonceSize, TagSize));
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement("platformEncryptedKey", new XAttribute("version", 1), Convert.ToBase64String(sealedKey));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}
