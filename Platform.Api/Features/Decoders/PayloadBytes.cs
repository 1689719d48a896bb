using System.Diagnostics.CodeAnalysis;
using Platform.Core.Decoders;

namespace Platform.Api.Features.Decoders;

/// <summary>
/// Payloads as clients send them: hex (as in vector files and ChirpStack's UI) or base64 (as in the
/// network servers' JSON). An even-length string of hex digits is read as hex, anything else as
/// base64; "1234" is therefore hex, which is what people writing vectors by hand mean.
/// </summary>
public static class PayloadBytes
{
    public static string Message =>
        $"The bytes are hex (an even number of hex digits) or base64, at most {DecoderVersion.MaxVectorBytes} bytes.";

    public static bool TryParse(string? text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (text is null)
        {
            return false;
        }

        if (text.Length % 2 == 0 && text.All(char.IsAsciiHexDigit))
        {
            bytes = Convert.FromHexString(text);
        }
        else
        {
            var buffer = new byte[text.Length];
            if (!Convert.TryFromBase64String(text, buffer, out var written))
            {
                return false;
            }

            bytes = buffer[..written];
        }

        return bytes.Length <= DecoderVersion.MaxVectorBytes;
    }

    public static bool IsValid(string? text) => TryParse(text, out _);
}
