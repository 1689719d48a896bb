using FastEndpoints;
using FluentValidation;
using Platform.Core.Authorization;
using Platform.Core.Identity;

namespace Platform.Api.Features.Tokens.CreateToken;

public sealed class Request
{
    public Guid TenantId { get; init; }

    public string Name { get; init; } = string.Empty;

    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>Required; at most a year from now (checked by the endpoint, which knows the time).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.Name).NotEmpty().MaximumLength(ApiToken.MaxNameLength);
            RuleFor(request => request.Scopes).NotEmpty();
            RuleForEach(request => request.Scopes).Must(ApiTokenScopes.IsKnown)
                .WithMessage(scope => $"Unknown scope; known: {string.Join(", ", ApiTokenScopes.Permissions.Keys.Order(StringComparer.Ordinal))}.");
            RuleFor(request => request.ExpiresAt).NotNull();
        }
    }
}
