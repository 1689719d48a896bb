namespace Platform.Core.Identity.Providers;

/// <summary>A secret reference that does not resolve. The message may name the reference, never a value.</summary>
public sealed class SecretReferenceException(string message) : InvalidOperationException(message);
