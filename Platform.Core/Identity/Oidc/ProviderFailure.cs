namespace Platform.Core.Identity.Oidc;

/// <summary>
/// Why a provider could not be used, as stable codes for audit records and API answers. They name
/// the platform's own finding, never the remote side's answer: an unreachable host and a host that
/// answers nonsense share <see cref="DiscoveryFailed"/> (or <see cref="TokenExchangeFailed"/>), so a
/// tenant's provider settings cannot be used to learn which ports of a network are open.
/// </summary>
public static class ProviderFailure
{
    /// <summary>What an audit record says before the code.</summary>
    public const string Summary = "the provider could not be used";

    /// <summary>The URL leads to an address the platform may not contact (loopback, private, reserved…), or to http.</summary>
    public const string DestinationNotAllowed = "destination-not-allowed";

    /// <summary>The discovery document or the keys could not be had or read.</summary>
    public const string DiscoveryFailed = "discovery-failed";

    /// <summary>The discovery document names another issuer than the one configured.</summary>
    public const string IssuerMismatch = "issuer-mismatch";

    /// <summary>The token endpoint or jwks_uri is not on the issuer's scheme, host and port (and not allowed by the operators).</summary>
    public const string EndpointNotOnIssuerHost = "endpoint-not-on-issuer-host";

    /// <summary>The code could not be redeemed for an ID token.</summary>
    public const string TokenExchangeFailed = "token-exchange-failed";

    /// <summary>The ID token did not validate (signature, issuer, audience, lifetime).</summary>
    public const string IdTokenInvalid = "id-token-invalid";
}
