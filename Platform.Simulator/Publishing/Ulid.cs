using System.Buffers.Binary;

namespace Platform.Simulator.Publishing;

/// <summary>
/// ULIDs as The Things Stack puts them in correlation ids: 48 bits of Unix milliseconds then 80
/// random bits, in Crockford's base32 (26 characters, sortable by time).
/// </summary>
public static class Ulid
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(DateTimeOffset time, Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)time.ToUnixTimeMilliseconds() << 16);
        random.NextBytes(bytes[6..]);
        var value = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        Span<char> text = stackalloc char[26];
        for (var i = text.Length - 1; i >= 0; i--)
        {
            text[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(text);
    }
}
