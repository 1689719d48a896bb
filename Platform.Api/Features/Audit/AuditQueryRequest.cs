using FastEndpoints;
using FluentValidation;
using Platform.Api.Paging;

namespace Platform.Api.Features.Audit;

/// <summary>
/// Filters and paging of the audit lists. The cursor is the position of the last event served, not
/// an offset: events arrive at the head of a newest-first list (reading the platform log itself
/// appends one), and an offset would then serve an event twice.
/// </summary>
public class AuditQueryRequest
{
    [QueryParam]
    public int? Limit { get; init; }

    [QueryParam]
    public string? Cursor { get; init; }

    [QueryParam]
    public string? Action { get; init; }

    [QueryParam]
    public Guid? ActorId { get; init; }

    /// <summary>Inclusive.</summary>
    [QueryParam]
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive.</summary>
    [QueryParam]
    public DateTimeOffset? To { get; init; }

    public int EffectiveLimit => Limit ?? PagedRequest.DefaultLimit;
}

public sealed class AuditQueryRequestValidator : AbstractValidator<AuditQueryRequest>
{
    public AuditQueryRequestValidator()
    {
        RuleFor(request => request.Limit).InclusiveBetween(1, PagedRequest.MaxLimit);
        RuleFor(request => request.Cursor)
            .Must(cursor => cursor is null || AuditCursor.TryDecode(cursor, out _))
            .WithMessage("The cursor is not one this API handed out.");
        RuleFor(request => request.Action).MaximumLength(100);
        RuleFor(request => request.To).GreaterThan(request => request.From).When(request => request.From is not null);
    }
}
