using FastEndpoints;
using FluentValidation;

namespace Platform.Api.Features.IdentityProviders.EnforceIdentityProvider;

public sealed class Request : IdentityProviderRequest
{
    /// <summary>An admin of this tenant with a local password, who may still log in with it.</summary>
    public Guid BreakGlassUserId { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(request => request.BreakGlassUserId).NotEmpty();
    }
}
