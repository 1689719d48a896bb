namespace Platform.Api.Requests;

/// <summary>
/// Endpoint metadata: the route's input carries a secret (a password, a code, an invitation link's
/// secret), which travels in the body only. Such a route takes no query string at all: FastEndpoints
/// would bind a body property from a same-named query parameter, and a URL ends up in browser
/// histories, proxies and access logs (<see cref="RequestInputGuard"/> answers 400).
/// </summary>
public sealed record SecretsInBodyOnly;

public static class SecretsInBodyOnlyExtensions
{
    public static TBuilder TakeSecretsInBodyOnly<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new SecretsInBodyOnly());
}
