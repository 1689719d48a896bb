using System.Text.Json.Nodes;
using Platform.Core.Decoding;

namespace Platform.Api.Features.Decoders;

/// <summary>A decoder's answer in the TTN/ChirpStack shape <c>{data, warnings, errors}</c>.</summary>
public sealed record DecodeResultResponse(JsonObject? Data, IReadOnlyList<string> Warnings, IReadOnlyList<string> Errors)
{
    public static DecodeResultResponse From(DecodeResult result) => new(result.Data, result.Warnings, result.Errors);
}
