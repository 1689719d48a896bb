namespace Platform.Core.Identity.Providers;

/// <summary>A rollout step asked of a provider in a state that does not allow it (the API answers 409).</summary>
public sealed class IdentityProviderStateException(string message) : InvalidOperationException(message);
