using System.Text.Json.Nodes;

namespace Platform.Core.Decoding;

/// <summary>
/// A decoder's answer, as the TTN/ChirpStack contract has it: <c>{data, warnings, errors}</c>.
/// A decoder that fails (its own errors, or a broken limit of the sandbox) has errors and no data.
/// </summary>
public sealed record DecodeResult(JsonObject? Data, IReadOnlyList<string> Warnings, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static DecodeResult Failed(string error) => new(null, [], [error]);
}
