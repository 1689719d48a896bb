using Platform.Core.Authorization;
using Platform.Core.Decoding.JavaScript;
using Platform.Core.Devices;
using Platform.Core.Identity.Oidc;

namespace Platform.Api.Problems;

/// <summary>The API's ProblemDetails answers, one shape each, with stable types.</summary>
public static class ApiProblems
{
    /// <summary>404 for anything the caller may not see: it never reveals whether it exists.</summary>
    public static IResult NotFound(string what) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: $"The {what} was not found.", type: ProblemTypes.NotFound);

    public static IResult Forbidden() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "You may not do this in this tenant.", type: ProblemTypes.Forbidden);

    public static IResult NotWithApiToken() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Not available to API tokens: sign in as the user.", type: ProblemTypes.Forbidden);

    /// <summary>403 outside tenant routes for a tenant provider's access token: it acts only in its tenant.</summary>
    public static IResult TenantBoundCredential() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "This credential acts only in its own tenant's routes.", type: ProblemTypes.Forbidden);

    /// <summary>403 for ending a session with a credential that is not one (an OpenID provider's access token).</summary>
    public static IResult NotASession() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Only a session of the platform can be ended here.", type: ProblemTypes.Forbidden);

    /// <summary>403 for a session not opened through the tenant's identity provider, in a tenant that enforces SSO.</summary>
    public static IResult SsoRequired() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "This tenant requires sign-in through its identity provider.", type: ProblemTypes.SsoRequired);

    /// <summary>403 for a session of a local user without MFA in a tenant that requires it.</summary>
    public static IResult MfaEnrolmentRequired() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "This tenant requires multi-factor authentication: enrol at /api/me/mfa first.", type: ProblemTypes.MfaEnrolmentRequired);

    public static IResult TenantSuspended() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "This tenant is suspended.", type: ProblemTypes.TenantSuspended);

    public static IResult PlatformAdminsOnly() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Only platform admins may do this.", type: ProblemTypes.Forbidden);

    /// <summary>403 for changing a platform library decoder through a tenant's routes: it is everyone's, so only platform admins change it.</summary>
    public static IResult LibraryReadOnly() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Library decoders are changed by platform admins only; create a decoder of your own instead.",
        type: ProblemTypes.Forbidden);

    /// <summary>
    /// 403 for giving someone rights the caller's credential does not hold (<see cref="DelegatedGrantRule"/>):
    /// the rule's reason as <c>detail</c>, and the request's offending <c>field</c>.
    /// </summary>
    public static IResult BeyondCredentialRights(GrantRefusal refusal) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "This credential cannot give rights it does not hold.", detail: refusal.Reason,
        type: ProblemTypes.BeyondCredentialRights, extensions: new Dictionary<string, object?> { ["field"] = refusal.Field });

    public static IResult Conflict(string title) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: title, type: ProblemTypes.Conflict);

    /// <summary>
    /// 409 for binding a device to a network-server application of another tenant: it names only what
    /// the caller asked for, not the owner or its devices.
    /// </summary>
    public static IResult ApplicationClaimed(NetworkServerBinding binding) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "This network-server application belongs to another tenant.",
        detail: $"The {binding.Kind} application '{binding.ApplicationId}' is registered to another tenant; its devices cannot be registered here. " +
                "Ask a platform admin if it is yours.",
        type: ProblemTypes.ApplicationClaimed);

    /// <summary>409 for a replay that the admission refuses again: why, as <c>reason</c> (the rejection reason's name) and <c>detail</c>.</summary>
    public static IResult UplinkRejected(string reason, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "The replayed uplink was rejected again.", detail: detail,
        type: ProblemTypes.UplinkRejected, extensions: new Dictionary<string, object?> { ["reason"] = reason });

    /// <summary>
    /// 400 naming the offending field, in the shape of FastEndpoints' own validation answers
    /// (<c>errors: [{ name, reason }]</c>), so clients read every validation error one way.
    /// </summary>
    public static IResult Invalid(string field, string message) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "One or more validation errors occurred.", type: ProblemTypes.Validation,
        extensions: new Dictionary<string, object?> { ["errors"] = new[] { new { name = field, reason = message } } });

    /// <summary>400 naming the field, with a stable <c>code</c> beside the reason for clients that act on it.</summary>
    public static IResult Invalid(string field, string message, string code) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "One or more validation errors occurred.", type: ProblemTypes.Validation,
        extensions: new Dictionary<string, object?> { ["errors"] = new[] { new { name = field, reason = message, code } } });

    /// <summary>503 for a sign-in whose provider could not be used: the <c>code</c> says which check failed, never how the provider answered.</summary>
    public static IResult IdentityProviderUnusable(string? code) => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable, title: "The identity provider could not be used.", type: ProblemTypes.IdentityProviderUnavailable,
        extensions: new Dictionary<string, object?> { ["code"] = code ?? ProviderFailure.DiscoveryFailed });

    /// <summary>409 with members that say what stands in the way (e.g. the failing vectors of a version).</summary>
    public static IResult Conflict(string title, string detail, IDictionary<string, object?> extensions) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: title, detail: detail, type: ProblemTypes.Conflict, extensions: extensions);

    /// <summary>
    /// 400 for a script that cannot be a decoder: a validation error of <paramref name="field"/> whose
    /// reason carries the place, and the place again as <c>line</c> and <c>column</c> for editors to jump to.
    /// </summary>
    public static IResult InvalidScript(string field, ScriptError error) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "One or more validation errors occurred.", type: ProblemTypes.Validation,
        extensions: new Dictionary<string, object?>
        {
            ["errors"] = new[] { new { name = field, reason = error.ToString() } },
            ["line"] = error.Line,
            ["column"] = error.Column,
        });

    /// <summary>503: a dependency is briefly away; the caller should try again after <paramref name="retryAfterSeconds"/> (Retry-After).</summary>
    public static IResult ServiceUnavailable(string title, int retryAfterSeconds) => new RetryAfterResult(
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: title, type: ProblemTypes.ServiceUnavailable), retryAfterSeconds);

    /// <summary>429: the caller should try again after <paramref name="retryAfterSeconds"/>, also sent as the Retry-After header.</summary>
    public static IResult TooManyRequests(string title, int retryAfterSeconds) => new RetryAfterResult(
        TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: title, type: ProblemTypes.RateLimited), retryAfterSeconds);
}
