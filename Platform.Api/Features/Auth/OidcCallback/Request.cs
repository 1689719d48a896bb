using FastEndpoints;
using FluentValidation;

namespace Platform.Api.Features.Auth.OidcCallback;

public sealed class Request
{
    /// <summary>The state the provider sent back (as returned by the start).</summary>
    public string State { get; init; } = string.Empty;

    /// <summary>The authorization code the provider sent back.</summary>
    public string Code { get; init; } = string.Empty;

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.State).NotEmpty().MaximumLength(200);
            RuleFor(request => request.Code).NotEmpty().MaximumLength(4000);
        }
    }
}
