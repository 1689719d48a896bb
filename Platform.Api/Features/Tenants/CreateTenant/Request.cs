using FastEndpoints;
using FluentValidation;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.Tenants.CreateTenant;

public sealed class Request
{
    public string Slug { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.Slug).NotEmpty().MaximumLength(Tenant.MaxSlugLength)
                .Matches("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$").WithMessage("Lowercase letters, digits and inner hyphens only.");
            RuleFor(request => request.Name).NotEmpty().MaximumLength(Tenant.MaxNameLength);
        }
    }
}
