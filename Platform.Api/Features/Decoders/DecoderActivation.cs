using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Decoders;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Decoders;

/// <summary>
/// Activates decoder versions, for the tenant routes and the platform library's alike. The vectors
/// are run again here, never read from what creation reported: the gate holds whatever happened in
/// between (a changed runtime, a changed comparison). A version without vectors is refused too, so
/// that "active" always means "checked against at least one known payload".
/// </summary>
public sealed class DecoderActivation(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal,
    CompiledDecoders compiled, DecoderTestRuns runs, RedecodeJobs redecodeJobs, TimeProvider time)
{
    /// <param name="redecode">Also queue a re-decode with the version, of <paramref name="decoder"/>'s tenant; never for the library.</param>
    public async Task<(ActivationResponse? Response, IResult? Problem)> ActivateAsync(Decoder decoder, int versionNumber,
        IRedecodeRange? redecode, CancellationToken ct)
    {
        var (version, problem) = await database.FindVersionAsync(decoder, versionNumber, ct);
        problem ??= Refusal(version!);
        if (problem is null && redecode is not null)
        {
            problem = await redecodeJobs.CheckDevicesAsync(decoder.TenantId!.Value, decoder, redecode, "redecode.deviceIds", ct);
        }

        if (problem is not null)
        {
            return (null, problem);
        }

        var before = decoder.ActiveVersion;
        var job = await database.InTransactionAsync(async () =>
        {
            decoder.Activate(version!.Version, time.GetUtcNow());
            await audit.AppendAsync(new AuditRecord(decoder.TenantId, principal.AuditActor, "decoder.version-activated", "decoder",
                decoder.Id.ToString(), AuditJson.Of(new { ActiveVersion = before }), AuditJson.Of(new { decoder.ActiveVersion }),
                principal.ClientAddress), ct);
            return redecode is null ? null : await redecodeJobs.AddAsync(decoder.TenantId!.Value, version, redecode, ct);
        }, ct);
        return (new ActivationResponse(await database.ResponseAsync(decoder, ct), job is null ? null : RedecodeJobResponse.Of(job)), null);
    }

    private IResult? Refusal(DecoderVersion version)
    {
        if (version.Vectors.Count == 0)
        {
            return ApiProblems.Conflict($"Version {version.Version} has no test vectors; add a version with at least one to activate it.");
        }

        using var lease = runs.TryStart(version.TenantId);
        if (!lease.IsAcquired)
        {
            return DecoderTestRuns.Busy();
        }

        var build = compiled.GetOrCompile(version.Id, version.Codec, version.Script);
        if (!build.Succeeded)
        {
            return ApiProblems.Conflict($"Version {version.Version} no longer compiles: {build.Error}");
        }

        var failures = VectorOutcome.RunAll(build.Decoder, version.Vectors).Where(outcome => !outcome.Passed).ToList();
        return failures.Count == 0
            ? null
            : ApiProblems.Conflict($"Version {version.Version} has failing test vectors.",
                "Failing: " + string.Join("; ", failures.Select(failure => $"#{failure.Index} '{failure.Description}' at {failure.Difference}")),
                new Dictionary<string, object?> { ["failures"] = VectorOutcomeResponse.From(failures) });
    }
}
