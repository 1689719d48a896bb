namespace Platform.Api.Features.Auth.Login;

/// <param name="Token">The session token (<c>pls_…</c>), shown once: send it as <c>Authorization: Bearer</c>.</param>
/// <param name="ExpiresAt">The absolute end of the session; it also ends after 30 idle minutes.</param>
public sealed record Response(string Token, DateTimeOffset ExpiresAt, LoggedInUser User);

public sealed record LoggedInUser(Guid Id, string Email, string DisplayName, string PlatformRole);
