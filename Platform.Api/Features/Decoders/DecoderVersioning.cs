using Microsoft.EntityFrameworkCore;
using Platform.Api.Features.Devices;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Decoders;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Decoders;

/// <summary>
/// Creates decoder versions, for the tenant routes and the platform library's alike: compiles the
/// script (a syntax error is a 400 with its place), runs the vectors at once, and adds the version
/// with its audit record to the caller's unit of work. A version with failing vectors is kept (the
/// author sees why), but <see cref="DecoderActivation"/> will not activate it.
/// </summary>
public sealed class DecoderVersioning(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal,
    CompiledDecoders compiled, DecoderTestRuns runs, TimeProvider time)
{
    /// <summary>Prepares and saves the next version of <paramref name="decoder"/>, with its audit record.</summary>
    public async Task<(CreatedVersionResponse? Response, IResult? Problem)> CreateAsync(Decoder decoder, DecoderVersionInput input,
        CancellationToken ct)
    {
        var (prepared, problem) = Prepare(decoder, input, string.Empty);
        if (problem is not null)
        {
            return (null, problem);
        }

        try
        {
            return (await database.InTransactionAsync(() => AddAsync(decoder, prepared!, ct), ct), null);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Another version took the number between our read of the decoder and the insert.
            return (null, ApiProblems.Conflict("Another version of this decoder was created at the same time; try again."));
        }
    }

    /// <param name="fieldPrefix">Where the version sits in the request body ("" or "version."), for field errors.</param>
    public (PreparedVersion? Prepared, IResult? Problem) Prepare(Decoder decoder, DecoderVersionInput input, string fieldPrefix)
    {
        using var lease = runs.TryStart(decoder.TenantId);
        if (!lease.IsAcquired)
        {
            return (null, DecoderTestRuns.Busy());
        }

        var vectors = input.Vectors.Select(vector => vector.ToVector()).ToList();
        // Numbered without touching the decoder yet, so a script that does not compile changes nothing.
        var version = new DecoderVersion(decoder, decoder.LatestVersion + 1, input.ParsedCodec, input.Script, vectors, input.Notes,
            principal.UserId, time.GetUtcNow());
        // Compiled into the cache under the new id: activation and tests of the version then reuse it. A script
        // that fails leaves a small failed entry under an id never stored, which the cache's LRU bound evicts.
        var build = compiled.GetOrCompile(version.Id, version.Codec, version.Script);
        if (!build.Succeeded)
        {
            return (null, ApiProblems.InvalidScript(fieldPrefix + "script", build.Error));
        }

        return (new PreparedVersion(version, VectorOutcome.RunAll(build.Decoder, vectors)), null);
    }

    /// <summary>Adds the prepared version and its audit record; the caller saves both in its transaction.</summary>
    public async Task<CreatedVersionResponse> AddAsync(Decoder decoder, PreparedVersion prepared, CancellationToken ct)
    {
        var version = prepared.Version;
        if (decoder.NextVersion(version.CreatedAt) != version.Version)
        {
            throw new InvalidOperationException("The decoder was given another version since this one was prepared.");
        }

        database.DecoderVersions.Add(version);
        var response = new CreatedVersionResponse(DecoderVersionResponse.From(version), VectorOutcomeResponse.From(prepared.Outcomes));
        await audit.AppendAsync(new AuditRecord(decoder.TenantId, principal.AuditActor, "decoder.version-created", "decoder",
            decoder.Id.ToString(), After: AuditJson.Of(new
            {
                version.Version,
                Codec = version.Codec.ToString(),
                Script = ScriptFingerprint.Of(version.Script),
                Vectors = version.Vectors.Count,
                VectorsPassed = prepared.Outcomes.Count(outcome => outcome.Passed),
            }), ClientAddress: principal.ClientAddress), ct);
        return response;
    }
}
