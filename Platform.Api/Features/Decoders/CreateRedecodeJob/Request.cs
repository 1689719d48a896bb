using FluentValidation;
using FastEndpoints;

namespace Platform.Api.Features.Decoders.CreateRedecodeJob;

public sealed class Request : DecoderRequest, IRedecodeRange
{
    /// <summary>The version to decode with; the active one when absent.</summary>
    public int? Version { get; init; }

    public DateTimeOffset From { get; init; }

    public DateTimeOffset To { get; init; }

    public List<Guid>? DeviceIds { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            Include(new RedecodeRangeValidator());
            RuleFor(request => request.Version).GreaterThan(0).When(request => request.Version is not null);
        }
    }
}
