namespace Platform.Core.Decoding.JavaScript;

/// <summary>A failure the sandbox itself detects (missing function, output too large); its message is shown as is.</summary>
internal sealed class SandboxException(string message) : Exception(message);
