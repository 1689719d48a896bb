namespace Platform.Api.Features.Devices;

/// <summary>Route values of the endpoints of one user's grant on one device.</summary>
public class DeviceGrantRequest : DeviceRequest
{
    public Guid UserId { get; init; }
}
