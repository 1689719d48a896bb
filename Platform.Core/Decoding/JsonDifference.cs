namespace Platform.Core.Decoding;

/// <summary>Where two JSON values first differ: a JSONPath (<c>$.data.temperature_3</c>) and why.</summary>
public sealed record JsonDifference(string Path, string Reason)
{
    public override string ToString() => $"{Path} {Reason}";
}
