using Platform.Api.Problems;

namespace Platform.Api.Features.Mfa;

internal static class MfaProblems
{
    public static IResult SessionsOnly() => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
        title: "MFA is managed by a signed-in user, not with an API token.", type: ProblemTypes.Forbidden);

    public static IResult NotLocalUser() => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
        title: "You sign in through an identity provider: MFA is set up there.", type: ProblemTypes.Forbidden);

    public static IResult AlreadyEnabled() => ApiProblems.Conflict("MFA is enabled already; remove it before enrolling again.");

    public static IResult NotEnabled() => ApiProblems.Conflict("MFA is not enabled.");

    public static IResult NoPendingEnrolment() => ApiProblems.Conflict("There is no enrolment to confirm, or it expired: start again.");

    public static IResult WrongPassword() => ApiProblems.Invalid("password", "The password is wrong.");

    public static IResult InvalidCode() =>
        ApiProblems.Invalid("code", "The code is wrong or was used already, or too many wrong codes were entered; try again later.");
}
