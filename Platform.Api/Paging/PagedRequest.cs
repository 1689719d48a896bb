using FastEndpoints;
using FluentValidation;

namespace Platform.Api.Paging;

/// <summary>API.md's list convention: <c>?limit=</c> (default 50, at most 500) and an opaque <c>cursor</c>.</summary>
public class PagedRequest
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    [QueryParam]
    public int? Limit { get; init; }

    [QueryParam]
    public string? Cursor { get; init; }

    public int EffectiveLimit => Limit ?? DefaultLimit;
}

public sealed class PagedRequestValidator : AbstractValidator<PagedRequest>
{
    public PagedRequestValidator()
    {
        RuleFor(request => request.Limit).InclusiveBetween(1, PagedRequest.MaxLimit);
        RuleFor(request => request.Cursor)
            .Must(cursor => cursor is null || PageCursor.IsValid(cursor))
            .WithMessage("The cursor is not one this API handed out.");
    }
}
