namespace Platform.Web.PlatformApi;

/// <summary>The API's answer: a value, or the problem it refused with.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem) where T : class
{
    public static ApiResult<T> Success(T value) => new(value, null);

    public static ApiResult<T> Failure(ApiProblem problem) => new(null, problem);
}
