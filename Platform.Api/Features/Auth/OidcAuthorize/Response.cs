namespace Platform.Api.Features.Auth.OidcAuthorize;

/// <param name="AuthorizationUrl">Send the browser here (code flow with PKCE; verifier and nonce stay with the API).</param>
/// <param name="State">Comes back with the code; valid once, for 10 minutes. Keep it to match the browser's return to this sign-in.</param>
public sealed record Response(string AuthorizationUrl, string State);
