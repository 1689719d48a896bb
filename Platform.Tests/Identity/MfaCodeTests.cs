using System.Security.Cryptography;
using System.Text;
using Platform.Core.Identity.Mfa;

namespace Platform.Tests.Identity;

/// <summary>The pure parts of MFA: the TOTP window and replay rule, and recovery codes. RFC 6238's own test vectors.</summary>
public sealed class MfaCodeTests
{
    // RFC 6238 appendix B: the SHA-1 seed, and the last six digits of its eight-digit codes.
    private static readonly byte[] RfcSecret = Encoding.ASCII.GetBytes("12345678901234567890");
    private static readonly DateTimeOffset At59 = DateTimeOffset.FromUnixTimeSeconds(59);

    [Theory]
    [InlineData(59, "287082", 1)]
    [InlineData(1111111109, "081804", 37037036)]
    [InlineData(1234567890, "005924", 41152263)]
    public void TheRfcVectorsAreAcceptedAtTheirOwnStep(long unixSeconds, string code, long step)
    {
        Assert.Equal(step, TotpCodes.AcceptedStep(RfcSecret, code, DateTimeOffset.FromUnixTimeSeconds(unixSeconds), null));
    }

    [Theory]
    [InlineData(-30, true)]
    [InlineData(30, true)]
    [InlineData(-60, false)]
    [InlineData(60, false)]
    public void ACodeIsAcceptedOneStepEitherSideAndNoFurther(int secondsLater, bool accepted)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(1111111109).AddSeconds(secondsLater);

        Assert.Equal(accepted, TotpCodes.AcceptedStep(RfcSecret, "081804", at, null) is not null);
    }

    [Fact]
    public void ACodeOfTheLastAcceptedStepOrAnEarlierOneIsAReplay()
    {
        Assert.Null(TotpCodes.AcceptedStep(RfcSecret, "287082", At59, lastAcceptedStep: 1));
        Assert.Null(TotpCodes.AcceptedStep(RfcSecret, "287082", At59, lastAcceptedStep: 2));
        Assert.Equal(1, TotpCodes.AcceptedStep(RfcSecret, "287082", At59, lastAcceptedStep: 0));
    }

    [Theory]
    [InlineData("")]
    [InlineData("28708")]
    [InlineData("2870820")]
    [InlineData("28708a")]
    [InlineData("287083")]
    [InlineData(" 287082")]
    public void AnythingButTheRightSixDigitsIsRefused(string code)
    {
        Assert.Null(TotpCodes.AcceptedStep(RfcSecret, code, At59, null));
    }

    [Fact]
    public void TheAuthenticatorRefusesAStepAtOrBeforeTheLastOne()
    {
        var authenticator = new TotpAuthenticator(Guid.NewGuid(), "protected", At59);
        authenticator.Enable(At59, 5);

        Assert.Throws<InvalidOperationException>(() => authenticator.Accept(5));
        Assert.Throws<InvalidOperationException>(() => authenticator.Accept(4));
        authenticator.Accept(6);
        Assert.Equal(6, authenticator.LastTimeStep);
    }

    [Fact]
    public void AnUnconfirmedEnrolmentExpires()
    {
        var authenticator = new TotpAuthenticator(Guid.NewGuid(), "protected", At59);

        Assert.False(authenticator.IsPendingExpired(At59 + TotpAuthenticator.EnrolmentLifetime - TimeSpan.FromSeconds(1)));
        Assert.True(authenticator.IsPendingExpired(At59 + TotpAuthenticator.EnrolmentLifetime));
        Assert.Throws<InvalidOperationException>(() => authenticator.Enable(At59 + TotpAuthenticator.EnrolmentLifetime, 1));
    }

    [Fact]
    public void RecoveryCodesAreTenDistinctCodesOfSixtyBits()
    {
        var codes = RecoveryCodes.Generate();

        Assert.Equal(10, codes.Distinct().Count());
        // 12 characters of a 32-letter alphabet: 12 × 5 = 60 bits, above the 50 asked for.
        Assert.All(codes, code => Assert.Equal(RecoveryCodes.Length, RecoveryCodes.Normalize(code)!.Length));
        Assert.True(RecoveryCodes.Length * Math.Log2(32) >= 50);
    }

    [Theory]
    [InlineData("abcd-efgh-jk12", "abcdefghjk12")]
    [InlineData("ABCD EFGH JK12", "abcdefghjk12")]
    [InlineData("abcdefghjkI2", "abcdefghjk12")]
    [InlineData("0Oo0-lLiI-1234", "00001111" + "1234")]
    public void RecoveryCodesAreReadForgivingly(string typed, string canonical)
    {
        Assert.Equal(canonical, RecoveryCodes.Normalize(typed));
    }

    [Theory]
    [InlineData("abcd-efgh-jk1")]
    [InlineData("abcd-efgh-jk123")]
    [InlineData("abcd-efgh-jku2")]
    [InlineData("287082")]
    public void TextThatCannotBeARecoveryCodeIsRefused(string typed)
    {
        Assert.Null(RecoveryCodes.Normalize(typed));
    }

    [Fact]
    public void ARecoveryCodeIsStoredAsTheSha256OfItsCanonicalForm()
    {
        var code = RecoveryCodes.Generate()[0];
        var canonical = RecoveryCodes.Normalize(code)!;

        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(canonical)), RecoveryCodes.Hash(canonical));
        Assert.Equal(RecoveryCodes.Hash(canonical), RecoveryCodes.Hash(RecoveryCodes.Normalize(code.ToUpperInvariant())!));
    }

    [Fact]
    public void TheKeyUriNamesTheIssuerAndTheAccount()
    {
        var uri = TotpCodes.KeyUri(RfcSecret, "ada+mfa@example.com");

        Assert.Equal("otpauth://totp/Platform:ada%2Bmfa%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Platform"
            + "&algorithm=SHA1&digits=6&period=30", uri);
    }

    [Fact]
    public void AnEnrolmentNeverPrintsItsSecret()
    {
        var enrolment = new MfaEnrolment(RfcSecret, "ada@example.com", At59);

        Assert.DoesNotContain(enrolment.SecretBase32, enrolment.ToString(), StringComparison.Ordinal);
    }
}
