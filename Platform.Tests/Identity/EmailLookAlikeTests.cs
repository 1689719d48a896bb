using Platform.Core.Identity;
using Platform.Core.Identity.Providers;

namespace Platform.Tests.Identity;

/// <summary>
/// Every character of U+0080–U+FFFF whose invariant lower or upper case is ASCII (the Kelvin sign
/// under the platform's invariant globalization; with ICU also the long s), found by scanning, put where an ASCII letter of an address would be: no
/// such address may normalize to the ASCII one, whatever the case of either.
/// </summary>
public sealed class EmailLookAlikeTests
{
    public static TheoryData<char> LookAlikes()
    {
        var data = new TheoryData<char>();
        for (var c = (char)0x80; c < char.MaxValue; c++)
        {
            if (!char.IsSurrogate(c) && (char.IsAscii(char.ToLowerInvariant(c)) || char.IsAscii(char.ToUpperInvariant(c))))
            {
                data.Add(c);
            }
        }

        return data;
    }

    [Fact]
    public void TheScanFindsTheKnownLookAlikes()
    {
        var found = LookAlikes().Select(row => (char)row.Data).ToList();
        Assert.Contains('\u212A', found);
    }

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void AnAddressWithALookAlikeInItsLocalPartIsNotTheAsciiAddress(char lookAlike)
    {
        var ascii = char.IsAscii(char.ToLowerInvariant(lookAlike)) ? char.ToLowerInvariant(lookAlike) : char.ToUpperInvariant(lookAlike);
        var run = Guid.NewGuid().ToString("N")[..8];
        var asciiForms = new[] { $"sec2{char.ToLowerInvariant(ascii)}-{run}@example.com", $"SEC2{char.ToUpperInvariant(ascii)}-{run}@EXAMPLE.COM" }
            .Select(email => (string?)User.NormalizeEmail(email)).ToHashSet(StringComparer.Ordinal);

        var lookAlikeForm = Normalized($"sec2{lookAlike}-{run}@example.com");
        var upperLookAlikeForm = Normalized($"SEC2{lookAlike}-{run}@Example.Com");

        Assert.DoesNotContain(lookAlikeForm, asciiForms);
        Assert.DoesNotContain(upperLookAlikeForm, asciiForms);
    }

    [Fact]
    public void TheDomainComparesCaseInsensitivelyInItsIdnaForm()
    {
        Assert.Equal("someone@example.com", User.NormalizeEmail("someone@EXAMPLE.com"));
        Assert.Equal("Someone".ToLowerInvariant() + "@xn--mnchen-3ya.example", User.NormalizeEmail("Someone@MÜNCHEN.example"));
        Assert.True(EmailDomains.Allows(["xn--mnchen-3ya.example"], "someone@münchen.example"));
    }

    [Theory]
    [InlineData("someone\0@example.com")]
    [InlineData("some\u0007one@example.com")]
    [InlineData("someone@exa\0mple.com")]
    public void AnAddressWithAControlCharacterIsNone(string email) =>
        Assert.Throws<ArgumentException>(() => User.NormalizeEmail(email));

    [Fact]
    public void AnAddressWithHalfASurrogatePairIsNone() =>
        Assert.Throws<ArgumentException>(() => User.NormalizeEmail("some" + '\uD800' + "one@example.com"));

    // A refused address is as different from the ASCII one as can be.
    private static string? Normalized(string email)
    {
        try
        {
            return User.NormalizeEmail(email);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
