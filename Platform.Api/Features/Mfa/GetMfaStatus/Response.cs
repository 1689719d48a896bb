namespace Platform.Api.Features.Mfa.GetMfaStatus;

/// <param name="Enabled">Every login asks for a code.</param>
/// <param name="EnrolledAt">When the enrolment was confirmed.</param>
/// <param name="RecoveryCodesLeft">Unused recovery codes.</param>
/// <param name="RequiredByTenant">A tenant of the user requires MFA of its local users (<c>requiredByTenantIds</c> is not empty).</param>
/// <param name="RequiredByTenantIds">
/// The user's tenants that require MFA. Without it, each of them answers the user's sessions with 403
/// <c>mfa-enrolment-required</c> on its own routes (<c>/api/tenants/{tenantId}/…</c>); other tenants and
/// the user's own routes stay open. A session opened through a tenant's provider sees that tenant only.
/// </param>
public sealed record Response(bool Enabled, DateTimeOffset? EnrolledAt, int RecoveryCodesLeft, bool RequiredByTenant,
    IReadOnlyList<Guid> RequiredByTenantIds);
