using FastEndpoints;
using FluentValidation;
using Platform.Core.Devices;

namespace Platform.Api.Features.Devices.PutDeviceGrant;

public sealed class Request : DeviceGrantRequest
{
    /// <summary>"Read" or "Write".</summary>
    public string Access { get; init; } = string.Empty;

    public DeviceAccess ToAccess() => Enum.Parse<DeviceAccess>(Access);

    public sealed class Validator : Validator<Request>
    {
        public Validator() =>
            RuleFor(request => request.Access)
                .Must(access => Enum.GetNames<DeviceAccess>().Contains(access, StringComparer.Ordinal))
                .WithMessage($"The access is one of: {string.Join(", ", Enum.GetNames<DeviceAccess>())}.");
    }
}
