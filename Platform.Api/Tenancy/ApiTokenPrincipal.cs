namespace Platform.Api.Tenancy;

/// <summary>What a request authenticated with an API token may reach: one tenant, within the scopes.</summary>
public sealed record ApiTokenPrincipal(string TokenId, Guid TenantId, Guid OwnerUserId, IReadOnlyList<string> Scopes);
