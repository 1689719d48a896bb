namespace Platform.Core.Identity.Oidc;

/// <summary>A provider could not be used; <see cref="Code"/> is one of <see cref="ProviderFailure"/>'s codes.</summary>
public sealed class ProviderUnusableException(string code) : Exception($"The identity provider could not be used ({code}).")
{
    public string Code { get; } = code;

    /// <summary>
    /// The refusal inside a failure (the connect-time check throws it under the HTTP client's own
    /// exception), or a new one with <paramref name="otherwise"/>: whatever else went wrong is one code.
    /// </summary>
    public static ProviderUnusableException From(Exception exception, string otherwise)
    {
        for (var inner = (Exception?)exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is ProviderUnusableException unusable)
            {
                return unusable;
            }
        }

        return new ProviderUnusableException(otherwise);
    }
}
