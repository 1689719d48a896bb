namespace Platform.Core.Authorization;

/// <summary>Why <see cref="DelegatedGrantRule"/> refuses a request, and which of its fields asked for too much.</summary>
/// <param name="Field">The request's field as the API names it (camelCase), e.g. <c>role</c>, <c>password</c>, <c>canExport</c>.</param>
/// <param name="Reason">A sentence for the caller.</param>
public sealed record GrantRefusal(string Field, string Reason);
