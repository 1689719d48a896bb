namespace Platform.Api.Problems;

/// <summary>Stable <c>type</c> URIs of the API's ProblemDetails (RFC 9457).</summary>
public static class ProblemTypes
{
    private const string Base = "https://platform.example/problems/";

    public const string InvalidCredentials = Base + "invalid-credentials";
    public const string SsoRequired = Base + "sso-required";
    public const string Unauthenticated = Base + "unauthenticated";
    public const string Forbidden = Base + "forbidden";
    public const string TenantSuspended = Base + "tenant-suspended";
    public const string NotFound = Base + "not-found";

    /// <summary>405: the path exists, the method does not (the <c>Allow</c> header lists those that do).</summary>
    public const string MethodNotAllowed = Base + "method-not-allowed";
    public const string Conflict = Base + "conflict";
    public const string UplinkRejected = Base + "uplink-rejected";
    public const string Validation = Base + "validation";
    public const string RateLimited = Base + "rate-limited";

    /// <summary>503: the database or the event bus is briefly unavailable (restart, failover); nothing was written, try again.</summary>
    public const string ServiceUnavailable = Base + "service-unavailable";
    public const string SsoRefused = Base + "sso-refused";
    public const string IdentityProviderUnavailable = Base + "identity-provider-unavailable";

    /// <summary>401 at login: the password was right; the user has MFA and sent no code.</summary>
    public const string MfaRequired = Base + "mfa-required";

    /// <summary>401 at login: the password was right; the MFA code was wrong or used before.</summary>
    public const string MfaCodeInvalid = Base + "mfa-code-invalid";

    /// <summary>403 on a tenant's routes: that tenant requires MFA and the session's local user has none yet.</summary>
    public const string MfaEnrolmentRequired = Base + "mfa-enrolment-required";

    /// <summary>409: the network-server application of a device belongs to another tenant (which one is not said).</summary>
    public const string ApplicationClaimed = Base + "application-claimed";

    /// <summary>
    /// 403: the request would give a principal rights the calling credential does not hold (the Admin
    /// role or a password through an API token, a grant beyond the token's own rights).
    /// </summary>
    public const string BeyondCredentialRights = Base + "beyond-credential-rights";

    /// <summary>The type of a refusal that carries its own stable code.</summary>
    public static string Of(string code) => Base + code;
}
