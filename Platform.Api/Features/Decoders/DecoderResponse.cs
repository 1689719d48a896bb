using Platform.Core.Decoders;

namespace Platform.Api.Features.Decoders;

/// <param name="AssignedDevices">Devices decoded with it that the caller's scope holds: the tenant's own, or all of them on the admin routes.</param>
public sealed record DecoderResponse(Guid Id, string Name, string Description, bool IsLibrary, int? ActiveVersion, int LatestVersion,
    int AssignedDevices, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static DecoderResponse From(Decoder decoder, int assignedDevices) =>
        new(decoder.Id, decoder.Name, decoder.Description, decoder.IsLibrary, decoder.ActiveVersion, decoder.LatestVersion,
            assignedDevices, decoder.CreatedAt, decoder.UpdatedAt);
}
