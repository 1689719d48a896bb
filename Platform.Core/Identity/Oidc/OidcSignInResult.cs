namespace Platform.Core.Identity.Oidc;

/// <summary>Why a sign-in could not start; each maps to one HTTP answer.</summary>
public enum OidcSignInStartError
{
    None = 0,
    UnknownProvider,
    RedirectUriNotAllowed,
    TestNotAllowed,
    /// <summary>The provider could not be used; <see cref="OidcSignInStart.FailureCode"/> says why (a <see cref="ProviderFailure"/> code).</summary>
    ProviderUnusable,
}

/// <summary>Where to send the browser, and the state that comes back with the code.</summary>
public sealed record OidcSignInStart(string? AuthorizationUrl, string? State, OidcSignInStartError Error, string? FailureCode = null)
{
    public static OidcSignInStart Failed(OidcSignInStartError error) => new(null, null, error);

    public static OidcSignInStart Unusable(string code) => new(null, null, OidcSignInStartError.ProviderUnusable, code);
}

/// <summary>
/// The end of a sign-in: a session (as a password login gives), or for an admin's test sign-in the
/// test's outcome without a session, or a refusal. A refusal never says more than "refused" to the
/// caller; <see cref="FailureReason"/> is for the audit and the log.
/// </summary>
public sealed record OidcSignInResult(LoginResult Login, OidcTestOutcome? Test, string? FailureReason)
{
    public static OidcSignInResult Refused(string reason) => new(LoginResult.Refused, null, reason);

    public bool Succeeded => Login.Succeeded || Test is not null;
}

/// <summary>What a tenant admin's test sign-in found, without signing anyone in.</summary>
/// <param name="WouldBeAllowed">Whether this person would be let in once the provider is enabled.</param>
/// <param name="Reason">Why not, when not.</param>
public sealed record OidcTestOutcome(Guid ProviderId, string Subject, string? Email, bool WouldBeAllowed, string? Reason, string? Role);
