namespace Platform.Api.Features.Mfa.StartEnrolment;

/// <param name="Secret">The shared secret in base32, for typing into the app by hand.</param>
/// <param name="OtpauthUri">The <c>otpauth://totp/…</c> key URI (issuer "Platform", the e-mail as account).</param>
/// <param name="QrCode">The key URI as a QR code: a PNG <c>data:</c> URI for an <c>img</c> element.</param>
/// <param name="ExpiresAt">Confirm before this, or start again.</param>
public sealed record Response(string Secret, string OtpauthUri, string QrCode, DateTimeOffset ExpiresAt);
