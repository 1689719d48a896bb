namespace Platform.Api.Features.Tokens.RevokeToken;

public sealed class Request
{
    public Guid TenantId { get; init; }

    public string TokenId { get; init; } = string.Empty;
}
