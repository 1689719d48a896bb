using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Identity.Mfa;

namespace Platform.Tests.Identity;

/// <summary>The key ring's encryption at rest: what PostgreSQL stores cannot be read without the key from outside it.</summary>
public sealed class MfaKeyRingTests
{
    private static readonly XElement Key = new("key", new XAttribute("id", Guid.NewGuid()),
        new XElement("masterKey", new XElement("value", Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)))));

    [Fact]
    public void AnEncryptedKeyOpensWithTheSameSecretOnly()
    {
        var secret = RandomNumberGenerator.GetHexString(32);

        var sealedKey = new KeyRingEncryptor(KeyOf(secret)).Encrypt(Key);
        var opened = Decryptor(secret).Decrypt(sealedKey.EncryptedElement);

        Assert.Equal(typeof(KeyRingDecryptor), sealedKey.DecryptorType);
        Assert.DoesNotContain(Key.Element("masterKey")!.Value, sealedKey.EncryptedElement.ToString(), StringComparison.Ordinal);
        Assert.True(XNode.DeepEquals(Key, opened));
        Assert.ThrowsAny<CryptographicException>(() => Decryptor(RandomNumberGenerator.GetHexString(32)).Decrypt(sealedKey.EncryptedElement));
    }

    [Fact]
    public void AChangedCiphertextIsRefused()
    {
        var secret = RandomNumberGenerator.GetHexString(32);
        var element = new KeyRingEncryptor(KeyOf(secret)).Encrypt(Key).EncryptedElement;
        var bytes = Convert.FromBase64String(element.Value);
        bytes[^1] ^= 1;
        element.Value = Convert.ToBase64String(bytes);

        Assert.ThrowsAny<CryptographicException>(() => Decryptor(secret).Decrypt(element));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("too-short")]
    public void TheApiDoesNotStartWithoutAProperKeyEncryptionKey(string? secret)
    {
        Assert.Throws<InvalidOperationException>(() => KeyOf(secret));
    }

    private static KeyRingKey KeyOf(string? secret) => KeyRingKey.From(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [KeyRingKey.ConfigurationKey] = secret })
        .Build());

    private static KeyRingDecryptor Decryptor(string secret) =>
        new(new ServiceCollection().AddSingleton(KeyOf(secret)).BuildServiceProvider());
}
