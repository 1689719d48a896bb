using FastEndpoints;
using FluentValidation;
using Platform.Core.Authorization;
using Platform.Core.Identity;

namespace Platform.Api.Features.Tokens;

/// <summary>What a new API token is given, whoever owns it (the caller, or a service account).</summary>
public abstract class TokenInput
{
    public Guid TenantId { get; init; }

    public string Name { get; init; } = string.Empty;

    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>Required; at most a year from now (checked by <see cref="TokenIssuance"/>, which knows the time).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}

public sealed class TokenInputValidator : AbstractValidator<TokenInput>
{
    public TokenInputValidator()
    {
        RuleFor(request => request.Name).NotEmpty().MaximumLength(ApiToken.MaxNameLength);
        RuleFor(request => request.Scopes).NotEmpty();
        RuleForEach(request => request.Scopes).Must(ApiTokenScopes.IsKnown)
            .WithMessage(scope => $"Unknown scope; known: {string.Join(", ", ApiTokenScopes.Permissions.Keys.Order(StringComparer.Ordinal))}.");
        RuleFor(request => request.ExpiresAt).NotNull();
    }
}
