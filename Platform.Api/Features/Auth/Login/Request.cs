using FastEndpoints;
using FluentValidation;
using Platform.Core.Identity;

namespace Platform.Api.Features.Auth.Login;

public sealed class Request
{
    public string Email { get; init; } = string.Empty;

    public string Password { get; init; } = string.Empty;

    /// <summary>For users with MFA: the current 6-digit TOTP code, or one of their recovery codes (used up).</summary>
    public string? Totp { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.Email).NotEmpty().MaximumLength(User.MaxEmailLength);
            RuleFor(request => request.Password).NotEmpty().MaximumLength(PasswordPolicy.MaxLength);
            RuleFor(request => request.Totp).MaximumLength(32);
        }
    }
}
