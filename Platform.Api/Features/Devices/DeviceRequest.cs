namespace Platform.Api.Features.Devices;

/// <summary>Route values of every endpoint of one device.</summary>
public class DeviceRequest
{
    public Guid TenantId { get; init; }

    public Guid DeviceId { get; init; }
}
