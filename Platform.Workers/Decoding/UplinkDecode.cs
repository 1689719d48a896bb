using System.Text.Json.Nodes;
using Platform.Core.Measurements;

namespace Platform.Workers.Decoding;

/// <summary>
/// One uplink's decoding as it is stored: the version, the decoded <c>data</c> (also as JSON text for
/// the <c>decoded</c> column), warnings, errors, and the numeric values for <c>measurements</c>.
/// </summary>
public sealed record UplinkDecode(
    Guid VersionId,
    DecodeOutcome Outcome,
    JsonObject? Data,
    string? DataJson,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Errors,
    IReadOnlyList<NamedValue> Values)
{
    public bool Succeeded => Outcome == DecodeOutcome.Decoded;

    public static UplinkDecode Failed(Guid versionId, DecodeOutcome outcome, string error) =>
        new(versionId, outcome, null, null, [], [error], []);
}
