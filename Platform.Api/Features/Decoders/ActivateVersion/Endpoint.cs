using FastEndpoints;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Decoders.ActivateVersion;

public sealed class Endpoint(PlatformDbContext database, DecoderActivation activation) : Endpoint<Request, ActivationResponse>
{
    public override void Configure()
    {
        Post("/api/tenants/{tenantId}/decoders/{decoderId}/versions/{version}/activate");
        Options(route => route.RequirePermission(Permission.DecodersManage));
        // The body is optional (most activations ask for no re-decode and send none): FastEndpoints'
        // default "accepts application/json" would turn a request without a content type into a 415.
        Description(route => route.Accepts<Request>("*/*").Produces<ActivationResponse>()
            .ProducesProblemDetails(StatusCodes.Status400BadRequest).ProducesProblemDetails(StatusCodes.Status409Conflict)
            .ProducesProblemDetails(StatusCodes.Status429TooManyRequests), clearDefaults: true);
        Summary(summary => summary.Summary =
            "Make a version the one the decoder's devices are decoded with (tenant admins; library decoders: 403). Its vectors are run " +
            "again: it needs at least one, and any failing one is a 409 listing the failures. Optional body {redecode: {from, to, " +
            "deviceIds?}} also queues a re-decode job of the tenant's stored uplinks (at most 366 days; devices assigned to the decoder); 429 " +
            $"while the tenant has {DecoderTestRuns.PerTenant} decoder runs going");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var (decoder, problem) = await database.FindAsync(request.TenantId, request.DecoderId, toChange: true, ct);
        ActivationResponse? activated = null;
        if (problem is null)
        {
            (activated, problem) = await activation.ActivateAsync(decoder!, request.Version, request.Redecode, ct);
        }

        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        await Send.OkAsync(activated!, ct);
    }
}
