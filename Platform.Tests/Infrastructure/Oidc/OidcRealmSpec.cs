namespace Platform.Tests.Infrastructure;

/// <summary>
/// What a test wants in one realm of the development OpenID provider. Secrets and passwords are
/// not part of the spec: <see cref="OidcDevProvider"/> generates them per run.
/// </summary>
/// <param name="Path">The issuer path, e.g. <c>/realms/tenant-a</c> or Entra-shaped <c>/{guid}/v2.0</c>.</param>
public sealed record OidcRealmSpec(string Path, string Audience = OidcRealmSpec.PlatformAudience, int AccessTokenTtlSeconds = 300)
{
    public const string PlatformAudience = "urn:platform:api";

    public IReadOnlyList<OidcClientSpec> Clients { get; init; } = [];

    public IReadOnlyList<OidcUserSpec> Users { get; init; } = [];
}

/// <param name="Confidential">True: a client secret is generated; false: a public client (PKCE only).</param>
/// <param name="Resources">Resource indicators it may ask for; null = only the realm's audience.</param>
public sealed record OidcClientSpec(
    string ClientId,
    bool Confidential,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> GrantTypes,
    IReadOnlyList<string>? Resources = null)
{
    public const string DefaultRedirectUri = "http://localhost:5080/signin-oidc";

    /// <summary>A browser-side client: code + PKCE and refresh, no secret.</summary>
    public static OidcClientSpec Public(string clientId, params string[] redirectUris) =>
        new(clientId, false, redirectUris.Length == 0 ? [DefaultRedirectUri] : redirectUris, ["authorization_code", "refresh_token"]);

    /// <summary>A server-side client: code + PKCE with a secret, refresh and client credentials.</summary>
    public static OidcClientSpec ConfidentialWeb(string clientId, params string[] redirectUris) =>
        new(clientId, true, redirectUris.Length == 0 ? [DefaultRedirectUri] : redirectUris, ["authorization_code", "refresh_token", "client_credentials"]);

    /// <summary>A machine client: client credentials only.</summary>
    public static OidcClientSpec Service(string clientId, IReadOnlyList<string>? resources = null) =>
        new(clientId, true, [], ["client_credentials"], resources);
}

/// <param name="Claims">
/// Extra claims released in ID and access tokens (tid, oid, upn, groups, roles …); a null value
/// removes a standard claim (e.g. <c>["email"] = null</c> for an Entra-style user without one,
/// who still signs in with <paramref name="Email"/>).
/// </param>
public sealed record OidcUserSpec(
    string Sub,
    string Email,
    string? Name = null,
    bool EmailVerified = true,
    IReadOnlyDictionary<string, object?>? Claims = null);
