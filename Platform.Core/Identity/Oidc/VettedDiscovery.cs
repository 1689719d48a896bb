using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Core.Identity.Oidc;

/// <summary>
/// Reads a provider's discovery document and keys as the library's retriever does, but refuses a
/// document that names another issuer, or whose token endpoint or jwks_uri lies off the issuer's
/// host, before anything else is fetched or sent: a configuration that comes out of here is the one
/// the sign-in may send a code and a client secret to.
/// </summary>
internal sealed class VettedDiscovery(string issuer, Uri issuerUri, ProviderAllowList allowList) : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var configuration = Read(await retriever.GetDocumentAsync(address, cancel), json => OpenIdConnectConfiguration.Create(json));
        if (!string.Equals(configuration.Issuer, issuer, StringComparison.Ordinal))
        {
            throw new ProviderUnusableException(ProviderFailure.IssuerMismatch);
        }

        if ((ProviderDestinationRule.EndpointProblem(issuerUri, configuration.JwksUri, allowList)
             ?? (string.IsNullOrEmpty(configuration.TokenEndpoint)
                 ? null
                 : ProviderDestinationRule.EndpointProblem(issuerUri, configuration.TokenEndpoint, allowList))) is { } problem)
        {
            throw new ProviderUnusableException(problem);
        }

        configuration.JsonWebKeySet = Read(await retriever.GetDocumentAsync(configuration.JwksUri, cancel), json => new JsonWebKeySet(json));
        foreach (var key in configuration.JsonWebKeySet.GetSigningKeys())
        {
            configuration.SigningKeys.Add(key);
        }

        return configuration;
    }

    private static T Read<T>(string json, Func<string, T> parse)
    {
        try
        {
            return parse(json);
        }
        catch (Exception exception) when (exception is ArgumentException or JsonException or FormatException or InvalidOperationException)
        {
            throw new ProviderUnusableException(ProviderFailure.DiscoveryFailed);
        }
    }
}
