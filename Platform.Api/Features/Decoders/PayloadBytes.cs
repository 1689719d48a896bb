using System.Diagnostics.CodeAnalysis;
using Platform.Core.Decoders;

namespace Platform.Api.Features.Decoders;

/// <summary>
/// Payloads as clients send them: hex (as in vector files and ChirpStack's UI) or base64 (as in the
/// network servers' JSON). With <c>encoding</c> given ("hex" or "base64") the string is read that way
/// only. Without it, an even-length string of hex digits is read as hex and anything else as base64:
/// "1234" is then hex, which is what people writing vectors by hand mean — but also "ABCD", which is
/// valid base64 too, so clients that send base64 should say so.
/// </summary>
public static class PayloadBytes
{
    public const string Hex = "hex";
    public const string Base64 = "base64";

    public static string Message =>
        $"The bytes are hex (an even number of hex digits) or base64, as the encoding says (\"hex\" or \"base64\"; guessed when absent), at most {DecoderVersion.MaxVectorBytes} bytes.";

    public static string EncodingMessage => $"The encoding is \"{Hex}\" or \"{Base64}\" (or absent: guessed from the bytes).";

    public static bool IsEncoding(string? encoding) => encoding is null or Hex or Base64;

    public static bool TryParse(string? text, string? encoding, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (text is null || !IsEncoding(encoding))
        {
            return false;
        }

        var isHex = text.Length % 2 == 0 && text.All(char.IsAsciiHexDigit);
        if (encoding == Hex || (encoding is null && isHex))
        {
            if (!isHex)
            {
                return false;
            }

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
}
