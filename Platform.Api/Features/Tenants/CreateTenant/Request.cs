using FastEndpoints;
using FluentValidation;
using Platform.Api.Features.Invitations;
using Platform.Core.Identity;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.Tenants.CreateTenant;

public sealed class Request
{
    public string Slug { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    /// <summary>Who will administer the tenant: invited by e-mail as its first Admin in the same step.</summary>
    public InitialAdminBody? InitialAdmin { get; init; }

    public sealed class InitialAdminBody
    {
        public string Email { get; init; } = string.Empty;

        /// <summary>Suggested for a new account; the person may choose another.</summary>
        public string? DisplayName { get; init; }
    }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.Slug).NotEmpty().MaximumLength(Tenant.MaxSlugLength)
                .Matches("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$").WithMessage("Lowercase letters, digits and inner hyphens only.");
            RuleFor(request => request.Name).NotEmpty().MaximumLength(Tenant.MaxNameLength);
            RuleFor(request => request.InitialAdmin!.Email).NotEmpty().Must(InvitationAddress.IsValid).WithMessage("Not a valid e-mail address.")
                .Must(email => !User.IsServiceAccountEmail(email.Trim())).WithMessage("This domain is reserved for service accounts.")
                .When(request => request.InitialAdmin is not null);
            RuleFor(request => request.InitialAdmin!.DisplayName).NotEmpty().MaximumLength(User.MaxDisplayNameLength)
                .When(request => request.InitialAdmin?.DisplayName is not null);
        }
    }
}
