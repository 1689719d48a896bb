namespace Platform.Api.Features.Decoders;

/// <summary>What a re-decode covers: uplinks received in [From, To), of the listed devices or all assigned to the decoder.</summary>
public interface IRedecodeRange
{
    DateTimeOffset From { get; }

    DateTimeOffset To { get; }

    List<Guid>? DeviceIds { get; }
}
