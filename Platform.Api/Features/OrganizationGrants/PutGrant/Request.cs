using FastEndpoints;
using FluentValidation;
using Platform.Core.Organizations;

namespace Platform.Api.Features.OrganizationGrants.PutGrant;

public sealed class Request : GrantRequest
{
    public OrganizationAccess Access { get; init; }

    public bool CanExport { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(request => request.Access).IsInEnum();
    }
}
