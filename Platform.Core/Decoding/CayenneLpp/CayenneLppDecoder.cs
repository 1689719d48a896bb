using System.Text.Json.Nodes;

namespace Platform.Core.Decoding.CayenneLpp;

/// <summary>
/// The built-in CayenneLPP codec: records of <c>channel, type, value</c> become
/// <c>{type}_{channel}</c> keys, as The Things Network names them (<c>temperature_3</c>, <c>gps_6</c>).
/// A record that repeats a channel and type overwrites the earlier one, as TTN does, with a warning.
/// A truncated record or an unknown type fails the whole payload: partial data would look complete.
/// Stateless and thread-safe; the fPort is not looked at.
/// </summary>
public sealed class CayenneLppDecoder : IUplinkDecoder
{
    public DecodeResult Decode(DecodeInput input)
    {
        if (input?.Bytes is not { } bytes)
            return DecodeResult.Failed("no payload bytes");

        var data = new JsonObject();
        var warnings = new List<string>();
        var offset = 0;
        while (offset < bytes.Length)
        {
            var start = offset;
            var channel = bytes[offset];
            if (offset + 1 >= bytes.Length)
                return DecodeResult.Failed($"record truncated at byte {start}: channel {channel} has no type byte");

            var typeId = bytes[offset + 1];
            if (CayenneLppTypes.Find(typeId) is not { } type)
                return DecodeResult.Failed($"unknown type 0x{typeId:x2} on channel {channel} at byte {start + 1}");

            offset += 2;
            var available = bytes.Length - offset;
            if (available < type.Size)
                return DecodeResult.Failed(
                    $"record truncated at byte {start}: {type.Name} on channel {channel} needs {type.Size} bytes, {available} left");

            var key = $"{type.Name}_{channel}";
            if (data.ContainsKey(key))
                warnings.Add($"{key} appears more than once; the record at byte {start} overwrites the earlier one");
            data[key] = ReadValue(type, bytes.AsSpan(offset, type.Size));
            offset += type.Size;
        }

        return new DecodeResult(data, warnings, []);
    }

    private static JsonNode ReadValue(CayenneLppType type, ReadOnlySpan<byte> bytes)
    {
        if (type.IsScalar)
            return ReadNumber(type.Fields[0], bytes);

        var members = new JsonObject();
        foreach (var field in type.Fields)
        {
            members[field.Name!] = ReadNumber(field, bytes[..field.Size]);
            bytes = bytes[field.Size..];
        }
        return members;
    }

    private static JsonValue ReadNumber(CayenneLppField field, ReadOnlySpan<byte> bytes)
    {
        long raw = 0;
        foreach (var b in bytes)
            raw = (raw << 8) | b;
        if (field.Signed && (bytes[0] & 0x80) != 0)
            raw -= 1L << (8 * field.Size);

        return field.Divisor == 1 ? JsonValue.Create(raw) : JsonValue.Create((double)raw / field.Divisor);
    }
}
