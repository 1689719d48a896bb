namespace Platform.Core.Identity.Mfa;

/// <param name="Enabled">A confirmed authenticator asks for a code at every login.</param>
/// <param name="RequiredByTenant">A tenant of the user requires MFA of its local users.</param>
public sealed record MfaStatus(bool Enabled, DateTimeOffset? EnrolledAt, int RecoveryCodesLeft, bool RequiredByTenant);
