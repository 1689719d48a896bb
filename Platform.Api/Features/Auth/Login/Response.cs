namespace Platform.Api.Features.Auth.Login;

/// <param name="Token">The session token (<c>pls_…</c>), shown once: send it as <c>Authorization: Bearer</c>.</param>
/// <param name="ExpiresAt">The absolute end of the session; it also ends after 30 idle minutes.</param>
/// <param name="MfaEnrolmentRequired">
/// Information: a tenant of the user requires MFA and the user has none. Until they enrol
/// (<c>/api/me/mfa</c>), that tenant's routes answer 403 <c>mfa-enrolment-required</c>; everything
/// else stays open. Which tenants: <c>requiredByTenantIds</c> of <c>GET /api/me/mfa</c>.
/// </param>
public sealed record Response(string Token, DateTimeOffset ExpiresAt, LoggedInUser User, bool MfaEnrolmentRequired);

public sealed record LoggedInUser(Guid Id, string Email, string DisplayName, string PlatformRole);
