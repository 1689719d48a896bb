using Platform.Core.Authorization;

namespace Platform.Core.UseCases;

/// <summary>
/// Why a use case did not do what was asked: few kinds, each mapped to one ProblemDetails shape by the
/// API. A <see cref="Code"/> is stable where clients need to tell refusals of one kind apart.
/// </summary>
public abstract record Refusal(string? Code = null)
{
    /// <summary>Unknown, or not the caller's to see: the answer never says which.</summary>
    public sealed record NotFound(string What, string? Title = null, string? NotFoundCode = null) : Refusal(NotFoundCode);

    public sealed record Forbidden(string Reason, string? ForbiddenCode = null) : Refusal(ForbiddenCode);

    /// <summary>The credential would give rights it does not hold itself (<see cref="DelegatedGrantRule"/>).</summary>
    public sealed record BeyondCredentialRights(GrantRefusal Grant) : Refusal("beyond-credential-rights");

    public sealed record Conflict(string Title, string? ConflictCode = null) : Refusal(ConflictCode);

    public sealed record Invalid(string Field, string Reason) : Refusal("validation");
}
