using OtpNet;

namespace Platform.Core.Identity.Mfa;

/// <summary>
/// RFC 6238 with the parameters every authenticator app understands: SHA-1, 6 digits, 30-second
/// steps. A code is accepted for the current step and one step either side (clock drift and the
/// time it takes to type), and never for a step at or before the last one accepted (replay).
/// </summary>
public static class TotpCodes
{
    public const string Issuer = "Platform";
    public const int Digits = 6;
    public const int StepSeconds = 30;

    // RFC 4226 recommends a 160-bit shared secret, the size of an HMAC-SHA-1 block's output.
    private const int SecretBytes = 20;

    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    public static byte[] NewSecret() => KeyGeneration.GenerateRandomKey(SecretBytes);

    public static string ToBase32(byte[] secret) => Base32Encoding.ToString(secret).TrimEnd('=');

    /// <summary>The key URI format of Google Authenticator, which the other apps follow.</summary>
    public static string KeyUri(byte[] secret, string accountName) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(accountName)}"
        + $"?secret={ToBase32(secret)}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits={Digits}&period={StepSeconds}";

    /// <summary>True for text shaped like a TOTP code (six digits), as against a recovery code.</summary>
    public static bool IsCodeShaped(string code) => code.Length == Digits && code.All(char.IsAsciiDigit);

    /// <returns>
    /// The time step the code belongs to, when it is right for a step within the window that is
    /// later than <paramref name="lastAcceptedStep"/>; otherwise null.
    /// </returns>
    public static long? AcceptedStep(byte[] secret, string code, DateTimeOffset now, long? lastAcceptedStep)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (code is null || !IsCodeShaped(code))
        {
            return null;
        }

        var totp = new Totp(secret, StepSeconds, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(now.UtcDateTime, code, out var step, Window) && (lastAcceptedStep is null || step > lastAcceptedStep)
            ? step
            : null;
    }
}
