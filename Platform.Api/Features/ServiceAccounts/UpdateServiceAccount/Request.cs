using FastEndpoints;
using FluentValidation;
using Platform.Core.Identity;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.ServiceAccounts.UpdateServiceAccount;

/// <summary>Only what is given changes.</summary>
public sealed class Request : ServiceAccountRequest
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public TenantRole? Role { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.Name).Must(name => !string.IsNullOrWhiteSpace(name))
                .WithMessage("A name cannot be empty.").MaximumLength(User.MaxDisplayNameLength)
                .When(request => request.Name is not null);
            RuleFor(request => request.Description).MaximumLength(ServiceAccount.MaxDescriptionLength);
            RuleFor(request => request.Role).IsInEnum();
        }
    }
}
