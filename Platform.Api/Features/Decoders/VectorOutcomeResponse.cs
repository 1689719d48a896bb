using Platform.Core.Decoders;
using Platform.Core.Decoding;

namespace Platform.Api.Features.Decoders;

/// <param name="Difference">The first difference between expected and actual (a JSONPath and why); null when the vector passed.</param>
public sealed record VectorOutcomeResponse(int Index, string Description, bool Passed, JsonDifference? Difference, DecodeResultResponse Actual)
{
    public static VectorOutcomeResponse From(VectorOutcome outcome) =>
        new(outcome.Index, outcome.Description, outcome.Passed, outcome.Difference, DecodeResultResponse.From(outcome.Actual));

    public static IReadOnlyList<VectorOutcomeResponse> From(IEnumerable<VectorOutcome> outcomes) => outcomes.Select(From).ToList();
}
