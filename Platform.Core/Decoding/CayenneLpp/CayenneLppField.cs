namespace Platform.Core.Decoding.CayenneLpp;

/// <summary>
/// One big-endian number inside a CayenneLPP record. The value is <c>raw / Divisor</c>: dividing an
/// exact integer by an integer divisor gives the double nearest the decimal reading (272 / 10 is
/// exactly the double of 27.2), so no rounding step is needed and none can drift.
/// </summary>
/// <param name="Name">Member name of a multi-value reading (<c>x</c>, <c>latitude</c>); null for a scalar.</param>
/// <param name="Size">Bytes on the wire, 1 to 4.</param>
/// <param name="Signed">Two's complement over <paramref name="Size"/> bytes.</param>
/// <param name="Divisor">1 / resolution: 10 for 0.1, 2 for 0.5. A divisor of 1 yields an integer.</param>
public sealed record CayenneLppField(string? Name, int Size, bool Signed, int Divisor);
