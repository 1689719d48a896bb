using FastEndpoints;
using FluentValidation;
using Platform.Core.Organizations;

namespace Platform.Api.Features.Organizations.UpdateOrganization;

public sealed class Request : OrganizationRequest
{
    public string? Name { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(request => request.Name).NotEmpty().MaximumLength(Organization.MaxNameLength).When(request => request.Name is not null);
    }
}
