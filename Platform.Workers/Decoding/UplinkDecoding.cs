using Platform.Core.Decoders;
using Platform.Core.Decoding;
using Platform.Core.Ingestion;

namespace Platform.Workers.Decoding;

/// <summary>
/// Decodes the uplinks of a storage write before it is written: finds each device's decoder version,
/// compiles what is not compiled yet, and runs the decoders in parallel on at most one thread per
/// processor. A device without a decoder (or whose decoder has no active version) gets null: its
/// uplink is stored raw.
/// </summary>
public sealed class UplinkDecoding(DeviceDecoderAssignments assignments, DecoderVersionBuilds builds, DecoderRunner runner)
{
    private static readonly ParallelOptions Parallelism = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <returns>One entry per uplink, in the same order.</returns>
    public async Task<UplinkDecode?[]> DecodeAsync(IReadOnlyList<AdmittedUplink> uplinks, CancellationToken cancellationToken)
    {
        var decoders = await assignments.GetAsync(uplinks.Select(uplink => (uplink.TenantId, uplink.DeviceId)), cancellationToken);
        var versions = new Dictionary<Guid, (Guid TenantId, DecoderCodec Codec)>();
        foreach (var uplink in uplinks)
        {
            if (decoders[uplink.DeviceId] is { } decoder)
            {
                versions.TryAdd(decoder.VersionId, (uplink.TenantId, decoder.Codec));
            }
        }

        var decodes = new UplinkDecode?[uplinks.Count];
        if (versions.Count == 0)
        {
            return decodes;
        }

        var compiled = await builds.GetAsync(versions, cancellationToken);
        Parallel.For(0, uplinks.Count, Parallelism, index =>
        {
            var uplink = uplinks[index];
            if (decoders[uplink.DeviceId] is not { } decoder)
            {
                return;
            }

            var input = new DecodeInput(uplink.Uplink.Payload, uplink.Uplink.FPort, uplink.Uplink.NetworkTime, decoder.Variables);
            decodes[index] = runner.Run(new DecoderUse(uplink.TenantId, decoder.VersionId), compiled[decoder.VersionId], input);
        });
        return decodes;
    }
}
