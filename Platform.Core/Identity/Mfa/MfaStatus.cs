namespace Platform.Core.Identity.Mfa;

/// <param name="Enabled">A confirmed authenticator asks for a code at every login.</param>
/// <param name="RequiredByTenantIds">
/// The user's tenants that require MFA of their local users: without it, their routes refuse the
/// user's sessions (each tenant its own; the others stay open).
/// </param>
public sealed record MfaStatus(bool Enabled, DateTimeOffset? EnrolledAt, int RecoveryCodesLeft, IReadOnlyList<Guid> RequiredByTenantIds)
{
    /// <summary>Some tenant of the user requires MFA.</summary>
    public bool RequiredByTenant => RequiredByTenantIds.Count > 0;
}
