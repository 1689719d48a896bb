using System.Text.Json.Nodes;

namespace Platform.Api.Features.Decoders.TestDecoder;

/// <param name="DurationMs">How long the decoder ran (compiling not included), in milliseconds.</param>
public sealed record Response(JsonObject? Data, IReadOnlyList<string> Warnings, IReadOnlyList<string> Errors, double DurationMs);
