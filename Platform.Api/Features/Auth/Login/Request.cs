using FastEndpoints;
using FluentValidation;
using Platform.Core.Identity;

namespace Platform.Api.Features.Auth.Login;

public sealed class Request
{
    public string Email { get; init; } = string.Empty;

    public string Password { get; init; } = string.Empty;

    /// <summary>The current TOTP code, for users who enrolled in MFA.</summary>
    public string? Totp { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.Email).NotEmpty().MaximumLength(User.MaxEmailLength);
            RuleFor(request => request.Password).NotEmpty().MaximumLength(PasswordPolicy.MaxLength);
            RuleFor(request => request.Totp).MaximumLength(10);
        }
    }
}
