using FastEndpoints;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Decoders;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Decoders.GetVersion;

public sealed class Endpoint(PlatformDbContext database) : Endpoint<DecoderVersionRequest, DecoderVersionResponse>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/decoders/{decoderId}/versions/{version}");
        Options(route => route.RequirePermission(Permission.DecodersRead));
        Summary(summary => summary.Summary = "One version of a decoder of the tenant or the library, with script and vectors");
    }

    public override async Task HandleAsync(DecoderVersionRequest request, CancellationToken ct)
    {
        var (decoder, problem) = await database.FindAsync(request.TenantId, request.DecoderId, toChange: false, ct);
        DecoderVersion? version = null;
        if (problem is null)
        {
            (version, problem) = await database.FindVersionAsync(decoder!, request.Version, ct);
        }

        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        await Send.OkAsync(DecoderVersionResponse.From(version!), ct);
    }
}
