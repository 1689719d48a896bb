namespace Platform.Tests.Ingestion;

/// <summary>
/// A recorded uplink with one thing changed at one JSON path: what a faulty or hostile network
/// server could send. <paramref name="Path"/> is written as the parser names it (<c>$.rxInfo[0].rssi</c>).
/// </summary>
public sealed record UplinkMutation(string Name, string Topic, byte[] Message, string Path, UplinkMutationKind Kind)
{
    public override string ToString() => Name;
}

public enum UplinkMutationKind
{
    /// <summary>A member or array element removed, or its value replaced by null or a value of another JSON type or shape.</summary>
    Shape,

    /// <summary>A NUL character or a lone surrogate appended to a string or a member name.</summary>
    UnstorableText,

    /// <summary>A JSON number given as a string.</summary>
    NumberAsString,

    /// <summary>A time without its offset, or only its date.</summary>
    TimeWithoutOffset,
}
