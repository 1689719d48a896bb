namespace Platform.Core.Identity.Oidc;

/// <summary>
/// A user's account at an OpenID provider: (issuer, subject) as the provider names it, linked to one
/// internal user. Never keyed by e-mail: e-mail addresses change hands, subjects do not. A tenant
/// provider's identities carry that tenant; the platform provider's carry none.
/// </summary>
public sealed class ExternalIdentity
{
    public const int MaxIssuerLength = 500;
    public const int MaxSubjectLength = 255;

    private ExternalIdentity()
    {
        Issuer = string.Empty;
        Subject = string.Empty;
    }

    public ExternalIdentity(Guid providerId, Guid? tenantId, string issuer, string subject, Guid userId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        ProviderId = providerId;
        TenantId = tenantId;
        Issuer = !string.IsNullOrEmpty(issuer) && issuer.Length <= MaxIssuerLength
            ? issuer
            : throw new ArgumentException($"An issuer is 1 to {MaxIssuerLength} characters.", nameof(issuer));
        Subject = !string.IsNullOrEmpty(subject) && subject.Length <= MaxSubjectLength
            ? subject
            : throw new ArgumentException($"A subject is 1 to {MaxSubjectLength} characters.", nameof(subject));
        UserId = userId != Guid.Empty ? userId : throw new ArgumentException("A user is required.", nameof(userId));
        CreatedAt = now;
        LastSignInAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The tenant provider's id, or <see cref="Providers.OidcProviderSettings.PlatformProviderId"/>.</summary>
    public Guid ProviderId { get; private set; }

    /// <summary>The provider's tenant; null for the platform provider.</summary>
    public Guid? TenantId { get; private set; }

    public string Issuer { get; private set; }

    public string Subject { get; private set; }

    public Guid UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastSignInAt { get; private set; }

    public void RecordSignIn(DateTimeOffset now) => LastSignInAt = now;
}
