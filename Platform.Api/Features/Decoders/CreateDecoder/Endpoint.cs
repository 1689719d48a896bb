using FastEndpoints;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;

namespace Platform.Api.Features.Decoders.CreateDecoder;

public sealed class Endpoint(DecoderCreation creation) : Endpoint<Request, CreatedDecoderResponse>
{
    public override void Configure()
    {
        Post("/api/tenants/{tenantId}/decoders");
        Options(route => route.RequirePermission(Permission.DecodersManage));
        Description(route => route.ProducesProblemDetails(StatusCodes.Status409Conflict));
        Summary(summary => summary.Summary =
            "Create a decoder (tenant admins), optionally with version 1 {codec, script?, vectors, notes?}, whose vector outcomes " +
            "come back at once; names are unique in the tenant (409)");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var (created, problem) = await creation.CreateAsync(request.TenantId, request, ct);
        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        await Send.CreatedAtAsync<GetDecoder.Endpoint>(new { request.TenantId, DecoderId = created!.Decoder.Id }, created,
            cancellation: ct);
    }
}
