using System.Diagnostics;
using FastEndpoints;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Decoders;
using Platform.Core.Decoding;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Decoders.TestDecoder;

/// <remarks>
/// Needs the manage right although it stores nothing: it runs caller-supplied code on the API's CPU.
/// The sandbox turns hostile scripts (endless loops, memory bombs) into decode errors, so those are
/// a 200 with <c>errors</c>; only a script that cannot be compiled at all is a 400.
/// </remarks>
public sealed class Endpoint(PlatformDbContext database, CompiledDecoders compiled, DecoderTestRuns runs, TimeProvider time)
    : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/tenants/{tenantId}/decoders/test");
        Options(route => route.RequirePermission(Permission.DecodersManage));
        Description(route => route.ProducesProblemDetails(StatusCodes.Status429TooManyRequests));
        Summary(summary => summary.Summary =
            $"Decode one payload (bytes in hex or base64) with a draft script, a stored version (decoderId + version) or codec " +
            $"\"CayenneLpp\" (tenant admins) → {{data, warnings, errors, durationMs}}; a script's own failures and broken sandbox limits " +
            $"come back as errors. At most {DecoderTestRuns.PerTenant} runs per tenant at a time (429 with Retry-After)");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        using var lease = runs.TryStart(request.TenantId);
        if (!lease.IsAcquired)
        {
            await Send.ResultAsync(DecoderTestRuns.Busy());
            return;
        }

        var (build, problem) = await BuildAsync(request, ct);
        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        _ = PayloadBytes.TryParse(request.Bytes, request.Encoding, out var bytes);
        var input = new DecodeInput(bytes!, request.FPort, request.RecvTime ?? time.GetUtcNow(), request.Variables);
        var started = Stopwatch.GetTimestamp();
        var result = build!.Decoder!.Decode(input);
        var duration = Stopwatch.GetElapsedTime(started);
        await Send.OkAsync(new Response(result.Data, result.Warnings, result.Errors, Math.Round(duration.TotalMilliseconds, 3)), ct);
    }

    private async Task<(DecoderBuild? Build, IResult? Problem)> BuildAsync(Request request, CancellationToken ct)
    {
        if (request.Script is not null)
        {
            // A draft is compiled for this run only: it has no version id to be cached under.
            var draft = DecoderBuild.Of(DecoderCodec.JavaScript, request.Script, compiled.Limits);
            return draft.Succeeded ? (draft, null) : (null, ApiProblems.InvalidScript("script", draft.Error));
        }

        if (request.UsesBuiltInCodec)
        {
            return (DecoderBuild.Of(Enum.Parse<DecoderCodec>(request.Codec!), null, compiled.Limits), null);
        }

        var (decoder, problem) = await database.FindAsync(request.TenantId, request.DecoderId!.Value, toChange: false, ct);
        DecoderVersion? version = null;
        if (problem is null)
        {
            (version, problem) = await database.FindVersionAsync(decoder!, request.Version!.Value, ct);
        }

        return problem is not null ? (null, problem) : (compiled.GetOrCompile(version!.Id, version.Codec, version.Script), null);
    }
}
