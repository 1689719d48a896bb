using Platform.Core.Devices;

namespace Platform.Api.Features.Devices;

/// <param name="DecoderId">The decoder its uplinks are decoded with; null: stored raw only.</param>
/// <param name="Variables">Handed to the decoder as <c>input.variables</c>.</param>
public sealed record DeviceResponse(Guid Id, string DevEui, string Name, Guid OrganizationId,
    IReadOnlyDictionary<string, string> Tags, NetworkServerResponse NetworkServer, Guid? DecoderId,
    IReadOnlyDictionary<string, string> Variables, DateTimeOffset CreatedAt)
{
    public static DeviceResponse From(Device device) =>
        new(device.Id, device.DevEui.Value, device.Name, device.OrganizationId, device.Tags,
            new NetworkServerResponse(device.NetworkServer.Kind.ToString(), device.NetworkServer.ApplicationId), device.DecoderId,
            device.Variables, device.CreatedAt);
}

public sealed record NetworkServerResponse(string Kind, string ApplicationId);
