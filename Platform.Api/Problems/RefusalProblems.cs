using Platform.Core.UseCases;

namespace Platform.Api.Problems;

/// <summary>The one mapping from a use case's <see cref="Refusal"/> to the API's ProblemDetails.</summary>
public static class RefusalProblems
{
    public static IResult From(Refusal refusal) => refusal switch
    {
        Refusal.NotFound { Title: null } notFound => ApiProblems.NotFound(notFound.What),
        Refusal.NotFound notFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: notFound.Title,
            type: notFound.Code is null ? ProblemTypes.NotFound : ProblemTypes.Of(notFound.Code)),
        Refusal.Forbidden forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: forbidden.Reason,
            type: forbidden.Code is null ? ProblemTypes.Forbidden : ProblemTypes.Of(forbidden.Code)),
        Refusal.BeyondCredentialRights beyond => ApiProblems.BeyondCredentialRights(beyond.Grant),
        Refusal.Conflict conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: conflict.Title,
            type: ProblemTypes.Conflict, extensions: conflict.Code is null ? null : new Dictionary<string, object?> { ["code"] = conflict.Code }),
        Refusal.Invalid invalid => ApiProblems.Invalid(invalid.Field, invalid.Reason),
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal.GetType().Name, "A refusal kind without a ProblemDetails shape."),
    };
}
