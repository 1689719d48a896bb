namespace Platform.Api.Problems;

/// <summary>
/// Gives the answers ASP.NET writes on its own (an unknown path, a method the route does not take,
/// a missing or invalid credential: written by the status-code pages) the API's stable problem
/// types instead of links to the HTTP specification. Types the API set itself stay.
/// </summary>
internal static class StableProblemTypes
{
    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Type is not null && !problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
        {
            return;
        }

        problem.Type = problem.Status switch
        {
            StatusCodes.Status401Unauthorized => ProblemTypes.Unauthenticated,
            StatusCodes.Status403Forbidden => ProblemTypes.Forbidden,
            StatusCodes.Status404NotFound => ProblemTypes.NotFound,
            StatusCodes.Status405MethodNotAllowed => ProblemTypes.MethodNotAllowed,
            _ => problem.Type,
        };
    }
}
