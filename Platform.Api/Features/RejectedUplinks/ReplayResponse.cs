namespace Platform.Api.Features.RejectedUplinks;

/// <summary>A replay the event bus has taken: the uplink is on its way to the device's storage.</summary>
public sealed record ReplayResponse(Guid TenantId, Guid DeviceId, string DeduplicationKey);
