namespace Platform.Core.Identity.Providers;

/// <summary>
/// What the sign-in trusts: the provider's kind and issuer, the client and its secret reference, and
/// the audience of its access tokens. Changing any of it sends the provider back to configured.
/// </summary>
public sealed record IdentityProviderConnection(
    IdentityProviderKind Kind,
    string Issuer,
    string ClientId,
    string? ClientSecretReference,
    string Audience)
{
    /// <returns>The first problem of the shape of these settings, or null. Whether the secret resolves is checked apart.</returns>
    public FieldProblem? Problem()
    {
        if (!Enum.IsDefined(Kind))
        {
            return new FieldProblem("kind", "Unknown provider kind.");
        }

        if (ProviderIssuer.Problem(Kind, Issuer ?? string.Empty, out _) is { } issuerProblem)
        {
            return new FieldProblem("issuer", issuerProblem);
        }

        if (string.IsNullOrWhiteSpace(ClientId) || ClientId.Trim() != ClientId || ClientId.Length > TenantIdentityProvider.MaxClientIdLength)
        {
            return new FieldProblem("clientId", $"The client id is 1 to {TenantIdentityProvider.MaxClientIdLength} characters without surrounding spaces.");
        }

        if (ClientSecretReference is not null && !SecretReferences.IsWellFormed(ClientSecretReference))
        {
            return new FieldProblem("clientSecretReference", SecretReferences.FormMessage);
        }

        return string.IsNullOrWhiteSpace(Audience) || Audience.Trim() != Audience || Audience.Length > TenantIdentityProvider.MaxAudienceLength
            ? new FieldProblem("audience", $"The audience is 1 to {TenantIdentityProvider.MaxAudienceLength} characters without surrounding spaces.")
            : null;
    }
}
