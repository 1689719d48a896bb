using FluentValidation;
using Platform.Core.Devices;

namespace Platform.Api.Features.Devices;

/// <summary>The network-server binding as clients send it; enums travel as their names.</summary>
public sealed class NetworkServerInput
{
    public string Kind { get; init; } = string.Empty;

    public string ApplicationId { get; init; } = string.Empty;

    /// <summary>The domain's own rules (a UUID for ChirpStack, no topic wildcards) decide; their message names the field.</summary>
    public bool TryBind(out NetworkServerBinding? binding, out string error)
    {
        binding = null;
        error = string.Empty;
        try
        {
            // Names only: Enum.Parse would also take "1".
            if (!Enum.GetNames<NetworkServerKind>().Contains(Kind, StringComparer.Ordinal))
            {
                error = KindMessage;
                return false;
            }

            binding = new NetworkServerBinding(Enum.Parse<NetworkServerKind>(Kind), ApplicationId);
            return true;
        }
        catch (ArgumentException exception)
        {
            error = exception.Message.Split(" (Parameter")[0];
            return false;
        }
    }

    private static string KindMessage => $"The kind is one of: {string.Join(", ", Enum.GetNames<NetworkServerKind>())}.";

    public sealed class Validator : AbstractValidator<NetworkServerInput>
    {
        public Validator()
        {
            RuleFor(input => input.Kind).Must(kind => Enum.GetNames<NetworkServerKind>().Contains(kind, StringComparer.Ordinal))
                .WithMessage(KindMessage);
            RuleFor(input => input.ApplicationId).NotEmpty().MaximumLength(NetworkServerBinding.MaxApplicationIdLength)
                .DependentRules(() => RuleFor(input => input.ApplicationId)
                    .Must((input, applicationId) => input.TryBind(out _, out _))
                    .WithMessage(input => input.TryBind(out _, out var error) ? string.Empty : error)
                    .When(input => Enum.GetNames<NetworkServerKind>().Contains(input.Kind, StringComparer.Ordinal)));
        }
    }
}
