using FastEndpoints;
using FluentValidation;
using Platform.Core.Organizations;

namespace Platform.Api.Features.Organizations.CreateOrganization;

public sealed class Request
{
    public Guid TenantId { get; init; }

    public string Name { get; init; } = string.Empty;

    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(request => request.Name).NotEmpty().MaximumLength(Organization.MaxNameLength);
    }
}
