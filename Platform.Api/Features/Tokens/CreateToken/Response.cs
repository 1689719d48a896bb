namespace Platform.Api.Features.Tokens.CreateToken;

/// <summary>The created token and, this once only, its secret.</summary>
public sealed record Response(TokenResponse ApiToken, string Token);
