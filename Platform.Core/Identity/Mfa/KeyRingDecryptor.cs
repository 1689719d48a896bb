using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Core.Identity.Mfa;

/// <summary>
/// Opens what <see cref="KeyRingEncryptor"/> sealed. Data Protection creates it by type name from
/// the stored key, passing the service provider, hence the constructor.
/// </summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var sealedKey = Convert.FromBase64String(encryptedElement.Value);
        const int headerSize = KeyRingEncryptor.NonceSize + KeyRingEncryptor.TagSize;
        if (sealedKey.Length <= headerSize)
        {
            throw new CryptographicException("The stored key is too short to be one this platform encrypted.");
        }

        var plaintext = new byte[sealedKey.Length - headerSize];
        using (var aes = new AesGcm(services.GetRequiredService<KeyRingKey>().Value, KeyRingEncryptor.TagSize))
        {
            aes.Decrypt(sealedKey.AsSpan(0, KeyRingEncryptor.NonceSize), sealedKey.AsSpan(headerSize),
                sealedKey.AsSpan(KeyRingEncryptor.NonceSize, KeyRingEncryptor.TagSize), plaintext);
        }

        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
