using System.Security.Cryptography;
using System.Text;

namespace Platform.Api.Features.Decoders;

/// <summary>
/// What the audit log keeps of a script: its length and SHA-256, never its text. Scripts may embed
/// customer specifics, and the audit log is read by more people than the decoder is.
/// </summary>
internal static class ScriptFingerprint
{
    public static object? Of(string? script) => script is null
        ? null
        : new { Length = script.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script))) };
}
