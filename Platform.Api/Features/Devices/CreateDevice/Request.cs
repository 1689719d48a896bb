using FastEndpoints;
using FluentValidation;
using Platform.Core.Devices;

namespace Platform.Api.Features.Devices.CreateDevice;

public sealed class Request
{
    public Guid TenantId { get; init; }

    /// <summary>16 hex characters, either case, optionally with ':' or '-' between bytes.</summary>
    public string DevEui { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public Guid OrganizationId { get; init; }

    public Dictionary<string, string>? Tags { get; init; }

    public NetworkServerInput NetworkServer { get; init; } = null!;

    /// <summary>The tenant's own decoder or a library one; none when absent.</summary>
    public Guid? DecoderId { get; init; }

    /// <summary>Handed to the decoder as <c>input.variables</c>; same limits as tags.</summary>
    public Dictionary<string, string>? Variables { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.DevEui).Must(text => Core.Devices.DevEui.TryParse(text, out _))
                .WithMessage("A DevEUI is 16 hexadecimal characters.");
            RuleFor(request => request.Name).Must(name => name?.Trim().Length is > 0 and <= Device.MaxNameLength)
                .WithMessage($"A device name is 1 to {Device.MaxNameLength} characters.");
            RuleFor(request => request.OrganizationId).NotEmpty();
            RuleFor(request => request.Tags).Must(DeviceTags.AreValid).WithMessage(DeviceTags.Message);
            RuleFor(request => request.Variables).Must(DeviceTags.AreValid).WithMessage(DeviceTags.MessageFor("variables"));
            RuleFor(request => request.DecoderId).NotEqual(Guid.Empty).When(request => request.DecoderId is not null);
            RuleFor(request => request.NetworkServer).NotNull().SetValidator(new NetworkServerInput.Validator());
        }
    }
}
