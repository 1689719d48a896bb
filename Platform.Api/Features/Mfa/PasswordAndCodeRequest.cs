using FastEndpoints;
using FluentValidation;
using Platform.Core.Identity;

namespace Platform.Api.Features.Mfa;

/// <summary>
/// The password and a code: what confirming or removing MFA asks for, so that a stolen session alone
/// can neither put its own authenticator on the account nor take the owner's off.
/// </summary>
public sealed class PasswordAndCodeRequest
{
    public string Password { get; init; } = string.Empty;

    /// <summary>A code from the authenticator app or an unused recovery code.</summary>
    public string Code { get; init; } = string.Empty;

    public sealed class Validator : Validator<PasswordAndCodeRequest>
    {
        public Validator()
        {
            RuleFor(request => request.Password).NotEmpty().MaximumLength(PasswordPolicy.MaxLength);
            RuleFor(request => request.Code).NotEmpty().MaximumLength(32);
        }
    }
}
