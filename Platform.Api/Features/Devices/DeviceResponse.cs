using Platform.Core.Devices;

namespace Platform.Api.Features.Devices;

public sealed record DeviceResponse(Guid Id, string DevEui, string Name, Guid OrganizationId,
    IReadOnlyDictionary<string, string> Tags, NetworkServerResponse NetworkServer, DateTimeOffset CreatedAt)
{
    public static DeviceResponse From(Device device) =>
        new(device.Id, device.DevEui.Value, device.Name, device.OrganizationId, device.Tags,
            new NetworkServerResponse(device.NetworkServer.Kind.ToString(), device.NetworkServer.ApplicationId), device.CreatedAt);
}

public sealed record NetworkServerResponse(string Kind, string ApplicationId);
