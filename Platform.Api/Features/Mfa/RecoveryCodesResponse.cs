namespace Platform.Api.Features.Mfa;

/// <param name="RecoveryCodes">Ten one-time codes for when the authenticator is lost, shown this once: keep them safe.</param>
public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes);
