namespace Platform.Api.Features.Auth.Login;

/// <param name="Token">The session token (<c>pls_…</c>), shown once: send it as <c>Authorization: Bearer</c>.</param>
/// <param name="ExpiresAt">The absolute end of the session; it also ends after 30 idle minutes.</param>
/// <param name="MfaEnrolmentRequired">
/// A tenant of the user requires MFA and the user has none: until they enrol (<c>/api/me/mfa</c>)
/// the session reaches only <c>/api/me</c>, <c>/api/me/mfa…</c> and logout.
/// </param>
public sealed record Response(string Token, DateTimeOffset ExpiresAt, LoggedInUser User, bool MfaEnrolmentRequired);

public sealed record LoggedInUser(Guid Id, string Email, string DisplayName, string PlatformRole);
