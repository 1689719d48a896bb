using System.Text.Json;
using Platform.Core.Decoders;
using Platform.Core.Decoding;
using Platform.Core.Measurements;

namespace Platform.Workers.Decoding;

/// <summary>
/// Decodes one uplink with one version, for the storage and for re-decode jobs alike: through the
/// <see cref="DecoderCircuit"/>, measured, and turned into what is stored (data, warnings, errors,
/// measurement values). Never throws for what a decoder does. Thread-safe.
/// </summary>
public sealed partial class DecoderRunner(DecoderCircuit circuit, DecodingMetrics metrics, TimeProvider time, ILogger<DecoderRunner> logger)
{
    public UplinkDecode Run(DecoderUse use, DecoderBuild build, DecodeInput input)
    {
        var versionId = use.VersionId;
        if (!build.Succeeded)
        {
            var failed = UplinkDecode.Failed(versionId, DecodeOutcome.DecoderError, $"decoder version does not compile: {build.Error}");
            metrics.Decoded(failed.Outcome, null);
            return failed;
        }

        if (circuit.SuspendedError(use) is { } suspended)
        {
            metrics.Decoded(DecodeOutcome.Suspended, null);
            return UplinkDecode.Failed(versionId, DecodeOutcome.Suspended, suspended);
        }

        var started = time.GetTimestamp();
        // A hostile script's second try after a time-out costs only until its version is suspended.
        var result = build.Decoder.DecodeToleratingStalls(input);
        var elapsed = time.GetElapsedTime(started);
        var limit = LimitErrors.Of(result);
        if (limit is not null)
        {
            if (circuit.LimitBroken(use, limit))
            {
                LogSuspended(logger, versionId, use.TenantId, DecoderCircuit.Threshold, DecoderCircuit.Suspension, limit);
            }
        }
        else
        {
            circuit.Succeeded(use);
        }

        var decode = ToStored(versionId, result, limit is null ? DecodeOutcome.DecoderError : DecodeOutcome.Limit);
        metrics.Decoded(decode.Outcome, elapsed);
        return decode;
    }

    private static UplinkDecode ToStored(Guid versionId, DecodeResult result, DecodeOutcome failure)
    {
        if (!result.Succeeded || result.Data is null)
        {
            return new UplinkDecode(versionId, failure, null, null, result.Warnings, result.Errors, []);
        }

        // Storable throughout: the sandbox refuses output PostgreSQL could not hold and repairs its own
        // messages (StorableText); the built-in codecs' messages are ours.
        var json = result.Data.ToJsonString(JsonSerializerOptions.Default);
        var extracted = MeasurementExtractor.Extract(result.Data);
        var warnings = extracted.Skipped == 0
            ? result.Warnings
            : [.. result.Warnings, $"{extracted.Skipped} value(s) not stored as measurements (at most {MeasurementExtractor.MaxValues} values, names at most {MeasurementExtractor.MaxNameLength} characters)"];
        return new UplinkDecode(versionId, DecodeOutcome.Decoded, result.Data, json, warnings, [], extracted.Values);
    }

    // The error names the limit only: never the payload or the script.
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Decoder version {VersionId} broke a sandbox limit {Threshold} times in a row for tenant {TenantId} and is suspended for that tenant for {Suspension} ({Error}); its uplinks are stored raw meanwhile")]
    private static partial void LogSuspended(ILogger logger, Guid versionId, Guid tenantId, int threshold, TimeSpan suspension, string error);
}
