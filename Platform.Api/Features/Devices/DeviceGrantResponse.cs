using Platform.Core.Devices;

namespace Platform.Api.Features.Devices;

public sealed record DeviceGrantResponse(Guid DeviceId, Guid UserId, string Access, DateTimeOffset CreatedAt)
{
    public static DeviceGrantResponse From(DeviceGrant grant) =>
        new(grant.DeviceId, grant.UserId, grant.Access.ToString(), grant.CreatedAt);
}
