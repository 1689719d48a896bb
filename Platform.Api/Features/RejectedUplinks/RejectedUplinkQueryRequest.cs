using FastEndpoints;
using FluentValidation;
using Platform.Api.Paging;
using Platform.Core.NetworkServer.Uplinks;

namespace Platform.Api.Features.RejectedUplinks;

/// <summary>Filters and paging of the rejected-uplink lists, newest first.</summary>
public class RejectedUplinkQueryRequest : KeysetPagedRequest
{
    /// <summary>A reason's name, e.g. <c>BindingMismatch</c>.</summary>
    [QueryParam]
    public string? Reason { get; init; }

    /// <summary>Only replayed ones (true) or only those not replayed yet (false).</summary>
    [QueryParam]
    public bool? Replayed { get; init; }

    public UplinkRejectionReason? ReasonValue() => Reason is null ? null : Enum.Parse<UplinkRejectionReason>(Reason);
}

public sealed class RejectedUplinkQueryRequestValidator : AbstractValidator<RejectedUplinkQueryRequest>
{
    public RejectedUplinkQueryRequestValidator()
    {
        Include(new KeysetPagedRequestValidator());
        // Names only: Enum.TryParse would also take "3".
        RuleFor(request => request.Reason)
            .Must(reason => reason is null || Enum.GetNames<UplinkRejectionReason>().Contains(reason, StringComparer.Ordinal))
            .WithMessage($"The reason is one of: {string.Join(", ", Enum.GetNames<UplinkRejectionReason>())}.");
        // A cursor of another list (its key not a rejection's id) is not one of this list's.
        RuleFor(request => request.Cursor)
            .Must(cursor => cursor is null || !KeysetCursor.TryDecode(cursor, out var position) || Guid.TryParse(position.Key, out _))
            .WithMessage("The cursor is not one this API handed out.");
    }
}
