namespace Platform.Api.Problems;

/// <summary>The API's ProblemDetails answers, one shape each, with stable types.</summary>
public static class ApiProblems
{
    /// <summary>404 for anything the caller may not see: it never reveals whether it exists.</summary>
    public static IResult NotFound(string what) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: $"The {what} was not found.", type: ProblemTypes.NotFound);

    public static IResult Forbidden() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "You may not do this in this tenant.", type: ProblemTypes.Forbidden);

    public static IResult TenantSuspended() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "This tenant is suspended.", type: ProblemTypes.TenantSuspended);

    public static IResult PlatformAdminsOnly() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Only platform admins may do this.", type: ProblemTypes.Forbidden);

    public static IResult Conflict(string title) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: title, type: ProblemTypes.Conflict);

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
}
