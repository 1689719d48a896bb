namespace Platform.Core.Decoding.CayenneLpp;

/// <summary>A CayenneLPP data type: its id on the wire, its output name and the numbers that follow.</summary>
/// <param name="Name">Output name; the key of a reading is <c>{Name}_{channel}</c>.</param>
public sealed record CayenneLppType(byte Id, string Name, IReadOnlyList<CayenneLppField> Fields)
{
    public int Size { get; } = Fields.Sum(f => f.Size);

    public bool IsScalar => Fields is [{ Name: null }];

    public static CayenneLppType Scalar(byte id, string name, int size, bool signed, int divisor = 1) =>
        new(id, name, [new CayenneLppField(null, size, signed, divisor)]);

    public static CayenneLppType Vector(byte id, string name, int size, bool signed, int divisor, params string[] members) =>
        new(id, name, [.. members.Select(m => new CayenneLppField(m, size, signed, divisor))]);
}
