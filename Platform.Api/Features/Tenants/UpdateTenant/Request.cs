using FastEndpoints;
using FluentValidation;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.Tenants.UpdateTenant;

public sealed class Request : TenantRequest
{
    public string? Name { get; init; }

    public TenantStatus? Status { get; init; }

    public TenantSettingsBody? Settings { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.Name).NotEmpty().MaximumLength(Tenant.MaxNameLength).When(request => request.Name is not null);
            RuleFor(request => request.Status).IsInEnum();
        }
    }
}
