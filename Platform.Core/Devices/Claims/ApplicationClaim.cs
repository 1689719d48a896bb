namespace Platform.Core.Devices.Claims;

/// <summary>One network-server application and the tenant it belongs to, as platform admins see it.</summary>
public sealed record ApplicationClaim(string Kind, string ApplicationId, Guid TenantId, DateTimeOffset ClaimedAt);
