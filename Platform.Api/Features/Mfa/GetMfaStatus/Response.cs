namespace Platform.Api.Features.Mfa.GetMfaStatus;

/// <param name="Enabled">Every login asks for a code.</param>
/// <param name="EnrolledAt">When the enrolment was confirmed.</param>
/// <param name="RecoveryCodesLeft">Unused recovery codes.</param>
/// <param name="RequiredByTenant">A tenant of the user requires MFA of its local users.</param>
public sealed record Response(bool Enabled, DateTimeOffset? EnrolledAt, int RecoveryCodesLeft, bool RequiredByTenant);
