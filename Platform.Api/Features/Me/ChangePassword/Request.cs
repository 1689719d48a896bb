using FastEndpoints;
using FluentValidation;
using Platform.Core.Identity;

namespace Platform.Api.Features.Me.ChangePassword;

public sealed class Request
{
    public string CurrentPassword { get; init; } = string.Empty;

    public string NewPassword { get; init; } = string.Empty;

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.CurrentPassword).NotEmpty().MaximumLength(PasswordPolicy.MaxLength);
            RuleFor(request => request.NewPassword).NotEmpty();
        }
    }
}
