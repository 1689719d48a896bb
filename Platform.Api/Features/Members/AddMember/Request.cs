using FastEndpoints;
using FluentValidation;
using Platform.Api.Features.Invitations;
using Platform.Core.Identity;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.Members.AddMember;

public sealed class Request
{
    public Guid TenantId { get; init; }

    public string Email { get; init; } = string.Empty;

    /// <summary>Suggested for a new account; the person may choose another, an existing account keeps its own.</summary>
    public string? DisplayName { get; init; }

    public TenantRole Role { get; init; }

    /// <summary>Refused: the invited person chooses their own password through the invitation's link.</summary>
    public string? Password { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.Email).NotEmpty().Must(InvitationAddress.IsValid).WithMessage("Not a valid e-mail address.");
            // Service accounts are created under /service-accounts and belong to their tenant only.
            RuleFor(request => request.Email).Must(email => !User.IsServiceAccountEmail(email.Trim()))
                .WithMessage("This domain is reserved for service accounts; they cannot be added as members.");
            RuleFor(request => request.DisplayName).NotEmpty().MaximumLength(User.MaxDisplayNameLength)
                .When(request => request.DisplayName is not null);
            RuleFor(request => request.Role).IsInEnum();
            // Said plainly rather than ignored: a client written for admin-chosen passwords learns why.
            RuleFor(request => request.Password).Null()
                .WithMessage("Admins no longer set passwords: the person chooses theirs through the invitation sent to the address.");
        }
    }
}
