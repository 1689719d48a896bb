using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Core.Identity.Providers;

namespace Platform.Core.Identity.Oidc;

/// <summary>
/// Validates a provider's JWTs (access tokens and ID tokens) against that provider alone: its exact
/// issuer, the given audience, a lifetime with at most 30 seconds of skew, and a signature by one of
/// the keys its own discovery document lists, with RS256 or ES256 only (never "none", never HMAC,
/// whose key would be the client secret or worse, the public key).
/// </summary>
public sealed class OidcTokenValidator(OidcMetadata metadata)
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256];

    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>
    /// Reads a JWT without validating it, to learn which issuer it claims; null for anything that
    /// is not a JWS compact serialization.
    /// </summary>
    public static JsonWebToken? ReadUnvalidated(string token)
    {
        try
        {
            return token.Length <= TokenValidationParameters.DefaultMaximumTokenSizeInBytes ? new JsonWebToken(token) : null;
        }
        catch (ArgumentException)
        {
            // Includes SecurityTokenMalformedException.
            return null;
        }
    }

    public async Task<OidcTokenValidation> ValidateAsync(string token, OidcProviderSettings provider, string audience, CancellationToken cancellationToken)
    {
        var unvalidated = ReadUnvalidated(token);
        if (unvalidated is null)
        {
            return OidcTokenValidation.Failed("malformed token");
        }

        var configuration = await metadata.GetAsync(provider.Issuer, cancellationToken);
        if (!string.Equals(configuration.Issuer, provider.Issuer, StringComparison.Ordinal))
        {
            // A discovery document for another issuer: its keys prove nothing about this one.
            return OidcTokenValidation.Failed("discovery document names another issuer");
        }

        // A kid the cached keys lack: the provider may have rotated. One refresh, then judge.
        if (!string.IsNullOrEmpty(unvalidated.Kid) && configuration.SigningKeys.All(key => key.KeyId != unvalidated.Kid))
        {
            metadata.RequestRefresh(provider.Issuer);
            configuration = await metadata.GetAsync(provider.Issuer, cancellationToken);
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = provider.Issuer,
            ValidateIssuer = true,
            ValidAudience = audience,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            RequireSignedTokens = true,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = Algorithms,
            ValidateIssuerSigningKey = true,
            TryAllIssuerSigningKeys = true,
        };
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken validated)
        {
            // The exception's type says enough (expired, audience, signature…); its message may
            // carry parts of the token and is never logged.
            return OidcTokenValidation.Failed(result.Exception?.GetType().Name ?? "invalid token");
        }

        return new OidcTokenValidation(validated, null);
    }
}

/// <param name="Token">The validated token, or null.</param>
/// <param name="Failure">Why not, for logs and audit: never a part of the token.</param>
public sealed record OidcTokenValidation(JsonWebToken? Token, string? Failure)
{
    public static OidcTokenValidation Failed(string reason) => new(null, reason);

    public bool IsValid => Token is not null;
}
