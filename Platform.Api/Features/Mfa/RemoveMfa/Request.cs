using FastEndpoints;
using FluentValidation;
using Platform.Core.Identity;

namespace Platform.Api.Features.Mfa.RemoveMfa;

public sealed class Request
{
    public string Password { get; init; } = string.Empty;

    /// <summary>A code from the authenticator app or an unused recovery code.</summary>
    public string Code { get; init; } = string.Empty;

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.Password).NotEmpty().MaximumLength(PasswordPolicy.MaxLength);
            RuleFor(request => request.Code).NotEmpty().MaximumLength(32);
        }
    }
}
