using FastEndpoints;
using FluentValidation;

namespace Platform.Api.Paging;

/// <summary>API.md's list convention (<c>?limit=&amp;cursor=</c>) for the lists paged by <see cref="KeysetCursor"/>.</summary>
public class KeysetPagedRequest
{
    [QueryParam]
    public int? Limit { get; init; }

    [QueryParam]
    public string? Cursor { get; init; }

    public int EffectiveLimit => Limit ?? PagedRequest.DefaultLimit;

    /// <summary>The position to continue after; null on the first page.</summary>
    public KeysetCursor? After() => Cursor is not null && KeysetCursor.TryDecode(Cursor, out var position) ? position : null;
}

public sealed class KeysetPagedRequestValidator : AbstractValidator<KeysetPagedRequest>
{
    public KeysetPagedRequestValidator()
    {
        RuleFor(request => request.Limit).InclusiveBetween(1, PagedRequest.MaxLimit);
        RuleFor(request => request.Cursor)
            .Must(cursor => cursor is null || KeysetCursor.TryDecode(cursor, out _))
            .WithMessage("The cursor is not one this API handed out.");
    }
}
