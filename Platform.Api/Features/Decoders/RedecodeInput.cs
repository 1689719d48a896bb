namespace Platform.Api.Features.Decoders;

/// <summary>The re-decode an activation may ask for, as the <c>redecode</c> member of its body.</summary>
public sealed class RedecodeInput : IRedecodeRange
{
    public DateTimeOffset From { get; init; }

    public DateTimeOffset To { get; init; }

    public List<Guid>? DeviceIds { get; init; }
}
