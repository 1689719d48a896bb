namespace Platform.Api.Features.Decoders;

/// <summary>A new version and how each of its vectors fared when it was created (failing ones keep it from being activated).</summary>
public sealed record CreatedVersionResponse(DecoderVersionResponse Version, IReadOnlyList<VectorOutcomeResponse> Outcomes)
{
    public bool AllPassed => Outcomes.Count > 0 && Outcomes.All(outcome => outcome.Passed);
}
