using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Core.Audit;
using Platform.Core.Decoding;
using Platform.Core.Decoding.JavaScript;
using Platform.Core.Persistence;
using Platform.Core.Tenancy;

namespace Platform.Core.Decoders.Library;

/// <summary>
/// Installs the platform library of this release (run by <c>migrate</c>): a missing library decoder
/// is created; one whose newest version differs from what the release ships gets a new version. The
/// new version is activated only when all of its vectors pass — a release whose own library fails its
/// vectors stops the migration instead of decoding every tenant's data wrongly. Audited as the system's.
/// </summary>
public sealed partial class DecoderLibraryBootstrap(
    PlatformDbContext database,
    DataScope scope,
    AuditLog audit,
    TimeProvider time,
    ILogger<DecoderLibraryBootstrap> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        scope.EnterPlatformScope();
        foreach (var entry in DecoderLibrary.Entries)
        {
            await EnsureAsync(entry, cancellationToken);
        }

        scope.Clear();
    }

    private async Task EnsureAsync(DecoderLibraryEntry entry, CancellationToken cancellationToken)
    {
        var decoder = await database.Decoders.SingleOrDefaultAsync(d => d.TenantId == null && d.Name == entry.Name, cancellationToken);
        if (decoder is not null && await IsCurrentAsync(decoder, entry, cancellationToken))
        {
            return;
        }

        var failing = FailingVectors(entry);
        if (failing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The library decoder '{entry.Name}' of this release fails its vectors: {string.Join("; ", failing)}");
        }

        await database.InTransactionAsync(async () =>
        {
            var now = time.GetUtcNow();
            if (decoder is null)
            {
                decoder = new Decoder(null, entry.Name, entry.Description, now);
                database.Decoders.Add(decoder);
                await AuditAsync("decoder.created", decoder, new { decoder.Name, Library = true }, cancellationToken);
            }

            decoder.Describe(entry.Description, now);
            var version = new DecoderVersion(decoder, decoder.NextVersion(now), entry.Codec, entry.Script, entry.Vectors,
                "Shipped with the platform release.", createdBy: null, now);
            database.DecoderVersions.Add(version);
            decoder.Activate(version.Version, now);
            await AuditAsync("decoder.version-activated", decoder,
                new { version.Version, Codec = version.Codec.ToString(), Vectors = version.Vectors.Count }, cancellationToken);
            LogInstalled(logger, entry.Name, version.Version);
            return version;
        }, cancellationToken);
    }

    /// <summary>
    /// The newest stored version is what this release ships (same codec, script and vectors). Which
    /// version is active is left alone: a platform admin may have rolled back on purpose.
    /// </summary>
    private async Task<bool> IsCurrentAsync(Decoder decoder, DecoderLibraryEntry entry, CancellationToken cancellationToken)
    {
        var latest = await database.DecoderVersions.AsNoTracking()
            .Where(version => version.DecoderId == decoder.Id)
            .OrderByDescending(version => version.Version)
            .FirstOrDefaultAsync(cancellationToken);
        return latest is not null
            && latest.Codec == entry.Codec
            && latest.Script == entry.Script
            && latest.Vectors.Count == entry.Vectors.Count
            && latest.Vectors.Zip(entry.Vectors).All(pair => SameVector(pair.First, pair.Second));
    }

    /// <summary>Expected outputs compared as JSON values: jsonb keeps neither key order nor spacing.</summary>
    private static bool SameVector(DecoderVector stored, DecoderVector shipped) =>
        stored with { Expected = shipped.Expected, Variables = null } == shipped with { Variables = null }
        && SemanticJson.FirstDifference(shipped.Expected, stored.Expected, "$") is null
        && (stored.Variables ?? new Dictionary<string, string>()).OrderBy(p => p.Key)
            .SequenceEqual((shipped.Variables ?? new Dictionary<string, string>()).OrderBy(p => p.Key));

    private static List<string> FailingVectors(DecoderLibraryEntry entry)
    {
        var build = DecoderBuild.Of(entry.Codec, entry.Script, DecoderLimits.Default);
        if (!build.Succeeded)
        {
            return [build.Error.ToString()];
        }

        return VectorOutcome.RunAll(build.Decoder, entry.Vectors)
            .Where(outcome => !outcome.Passed)
            .Select(outcome => $"'{outcome.Description}': {outcome.Difference}")
            .ToList();
    }

    private Task AuditAsync(string action, Decoder decoder, object after, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditRecord(null, AuditActor.System, action, "decoder", decoder.Id.ToString(),
            After: AuditJson.Of(after)), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Platform decoder library: '{Name}' version {Version} installed and activated")]
    private static partial void LogInstalled(ILogger logger, string name, int version);
}
