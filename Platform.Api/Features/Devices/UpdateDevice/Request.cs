using System.Text.Json;
using FastEndpoints;
using FluentValidation;
using Platform.Core.Devices;

namespace Platform.Api.Features.Devices.UpdateDevice;

/// <summary>Only the properties present change; a new organization id moves the device.</summary>
public sealed class Request : DeviceRequest
{
    public string? Name { get; init; }

    public Dictionary<string, string>? Tags { get; init; }

    public NetworkServerInput? NetworkServer { get; init; }

    public Guid? OrganizationId { get; init; }

    /// <summary>Absent: unchanged; <c>null</c>: no decoder; a UUID: the tenant's own decoder or a library one.</summary>
    public JsonElement DecoderId { get; init; }

    /// <summary>Replaces the decoder variables when present; same limits as tags.</summary>
    public Dictionary<string, string>? Variables { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.Name).Must(name => name!.Trim().Length is > 0 and <= Device.MaxNameLength)
                .WithMessage($"A device name is 1 to {Device.MaxNameLength} characters.").When(request => request.Name is not null);
            RuleFor(request => request.Tags).Must(DeviceTags.AreValid).WithMessage(DeviceTags.Message);
            RuleFor(request => request.NetworkServer).SetValidator(new NetworkServerInput.Validator()!)
                .When(request => request.NetworkServer is not null);
            RuleFor(request => request.Variables).Must(DeviceTags.AreValid).WithMessage(DeviceTags.MessageFor("variables"));
            RuleFor(request => request.DecoderId).Must(element => DeviceDecoder.TryReadChange(element, out _, out _))
                .WithMessage("The decoder id is a UUID, or null for no decoder.");
            RuleFor(request => request.OrganizationId).NotEqual(Guid.Empty).When(request => request.OrganizationId is not null);
        }
    }
}
