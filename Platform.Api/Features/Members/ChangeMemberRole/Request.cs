using FastEndpoints;
using FluentValidation;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.Members.ChangeMemberRole;

public sealed class Request : MemberRequest
{
    public TenantRole Role { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(request => request.Role).IsInEnum();
    }
}
