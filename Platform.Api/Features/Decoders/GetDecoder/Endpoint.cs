using FastEndpoints;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Decoders.GetDecoder;

public sealed class Endpoint(PlatformDbContext database) : Endpoint<DecoderRequest, DecoderResponse>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/decoders/{decoderId}");
        Options(route => route.RequirePermission(Permission.DecodersRead));
        Summary(summary => summary.Summary =
            "One decoder of the tenant or the library: active and latest version, and how many of the tenant's devices use it");
    }

    public override async Task HandleAsync(DecoderRequest request, CancellationToken ct)
    {
        var (decoder, problem) = await database.FindAsync(request.TenantId, request.DecoderId, toChange: false, ct);
        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        await Send.OkAsync(await database.ResponseAsync(decoder!, ct), ct);
    }
}
