using Platform.Core.Decoders;

namespace Platform.Api.Features.Decoders;

/// <param name="Vectors">As stored: bytes as lowercase hex, whatever form they were sent in.</param>
public sealed record DecoderVersionResponse(Guid Id, Guid DecoderId, int Version, string Codec, string? Script,
    IReadOnlyList<DecoderVector> Vectors, string Notes, Guid? CreatedBy, DateTimeOffset CreatedAt)
{
    public static DecoderVersionResponse From(DecoderVersion version) =>
        new(version.Id, version.DecoderId, version.Version, version.Codec.ToString(), version.Script, version.Vectors,
            version.Notes, version.CreatedBy, version.CreatedAt);
}
