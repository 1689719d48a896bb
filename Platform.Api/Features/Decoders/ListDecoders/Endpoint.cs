using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Decoders.ListDecoders;

public sealed class Endpoint(PlatformDbContext database) : Endpoint<Request, Page<DecoderResponse>>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/decoders");
        Options(route => route.RequirePermission(Permission.DecodersRead));
        Summary(summary => summary.Summary =
            "The tenant's decoders and the platform library's (isLibrary: true), oldest first, each with its count of the tenant's assigned devices");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct) =>
        await Send.OkAsync(await database.Decoders
            .Where(decoder => decoder.TenantId == request.TenantId || decoder.TenantId == null)
            .ToDecoderPageAsync(database, request, ct), ct);
}
