using FluentValidation;
using Platform.Core.Decoders;

namespace Platform.Api.Features.Decoders;

/// <summary>The checks of a re-decode request that need no database; whether the devices qualify is <see cref="RedecodeJobs"/>'s.</summary>
public sealed class RedecodeRangeValidator : AbstractValidator<IRedecodeRange>
{
    /// <summary>A year and a leap day: re-decoding more at once is a migration, not a request.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(366);

    public RedecodeRangeValidator()
    {
        RuleFor(range => range.From).NotEmpty();
        RuleFor(range => range.To).GreaterThan(range => range.From).WithMessage("The range ends after it starts.")
            .Must((range, to) => to - range.From <= MaxSpan).WithMessage($"The range spans at most {MaxSpan.TotalDays:0} days.");
        RuleFor(range => range.DeviceIds).Must(ids => ids is null || ids.Count <= RedecodeJob.MaxDevices)
            .WithMessage($"At most {RedecodeJob.MaxDevices} devices.");
    }
}
