using FastEndpoints;
using FluentValidation;
using Platform.Api.Paging;

namespace Platform.Api.Features.Invitations.ListInvitations;

public sealed class Request : PagedRequest
{
    public Guid TenantId { get; init; }

    /// <summary>Only invitations in this state: sent, accepted, expired or revoked.</summary>
    public string? State { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public static readonly string[] States = ["sent", "accepted", "expired", "revoked"];

        public Validator()
        {
            Include(new PagedRequestValidator());
            RuleFor(request => request.State).Must(state => States.Contains(state)).When(request => request.State is not null)
                .WithMessage("One of: " + string.Join(", ", States) + ".");
        }
    }
}
