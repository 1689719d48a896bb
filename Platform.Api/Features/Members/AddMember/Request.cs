using FastEndpoints;
using FluentValidation;
using Platform.Core.Identity;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.Members.AddMember;

public sealed class Request
{
    public Guid TenantId { get; init; }

    public string Email { get; init; } = string.Empty;

    /// <summary>For a user created here; defaults to the e-mail's local part. An existing user keeps theirs.</summary>
    public string? DisplayName { get; init; }

    public TenantRole Role { get; init; }

    /// <summary>Required when the e-mail is new and a local user is created; ignored for existing users.</summary>
    public string? Password { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.Email).NotEmpty().Must(IsValidEmail).WithMessage("Not a valid e-mail address.");
            // Service accounts are created under /service-accounts and belong to their tenant only.
            RuleFor(request => request.Email).Must(email => !User.IsServiceAccountEmail(email.Trim()))
                .WithMessage("This domain is reserved for service accounts; they cannot be added as members.");
            RuleFor(request => request.DisplayName).NotEmpty().MaximumLength(User.MaxDisplayNameLength)
                .When(request => request.DisplayName is not null);
            RuleFor(request => request.Role).IsInEnum();
        }

        private static bool IsValidEmail(string email)
        {
            try
            {
                User.NormalizeEmail(email);
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }
}
