using FastEndpoints;
using FluentValidation;
using Platform.Core.Identity;

namespace Platform.Api.Features.Invitations.AcceptInvitation;

public sealed class Request
{
    /// <summary>The link's secret (<c>pli_…</c>).</summary>
    public string? Token { get; init; }

    /// <summary>For a new account, or a reclaimed one's new password; none when the address has an account already.</summary>
    public string? Password { get; init; }

    /// <summary>A new account's name; defaults to the admin's suggestion or the address's local part.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Never the secret or the password: requests are printed by accident.</summary>
    public override string ToString() => "AcceptInvitation.Request";

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.Password).MaximumLength(PasswordPolicy.MaxLength);
            RuleFor(request => request.DisplayName).NotEmpty().MaximumLength(User.MaxDisplayNameLength)
                .When(request => request.DisplayName is not null);
        }
    }
}
