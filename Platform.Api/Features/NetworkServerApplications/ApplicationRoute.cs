using Platform.Api.Features.Devices;
using Platform.Core.Devices;

namespace Platform.Api.Features.NetworkServerApplications;

/// <summary>The application a claim route names: <c>/api/admin/network-server-applications/{kind}/{applicationId}</c>.</summary>
public class ApplicationRoute
{
    public string Kind { get; init; } = string.Empty;

    public string ApplicationId { get; init; } = string.Empty;

    /// <summary>The same rules as a device's binding: an application no device could be bound to has no claim either.</summary>
    public bool TryBind(out NetworkServerBinding? binding, out string error) =>
        new NetworkServerInput { Kind = Kind, ApplicationId = ApplicationId }.TryBind(out binding, out error);
}
