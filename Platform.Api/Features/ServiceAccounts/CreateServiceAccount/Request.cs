using FastEndpoints;
using FluentValidation;
using Platform.Core.Identity;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.ServiceAccounts.CreateServiceAccount;

public sealed class Request
{
    public Guid TenantId { get; init; }

    public string Name { get; init; } = string.Empty;

    public string? Description { get; init; }

    public TenantRole Role { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.Name).Must(name => !string.IsNullOrWhiteSpace(name))
                .WithMessage("A name is required.").MaximumLength(User.MaxDisplayNameLength);
            RuleFor(request => request.Description).MaximumLength(ServiceAccount.MaxDescriptionLength);
            RuleFor(request => request.Role).IsInEnum();
        }
    }
}
