using FastEndpoints;
using Platform.Api.Tenancy;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Decoders.ActivateLibraryVersion;

/// <remarks>
/// No re-decode here: stored uplinks belong to tenants, and each tenant decides whether to re-decode
/// its own (POST …/decoders/{decoderId}/redecode-jobs on its routes).
/// </remarks>
public sealed class Endpoint(PlatformDbContext database, CurrentPrincipal principal, DecoderActivation activation)
    : Endpoint<Request, ActivationResponse>
{
    public override void Configure()
    {
        Post("/api/admin/decoders/{decoderId}/versions/{version}/activate");
        Description(route => route.ProducesProblemDetails(StatusCodes.Status409Conflict));
        Summary(summary => summary.Summary =
            "Activate a library decoder version for every tenant's devices assigned to it; as on the tenant route its vectors run again, " +
            "it needs at least one and none may fail (409) (platform admins; audited on the platform chain)");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var (decoder, problem) = await database.EnterLibraryAsync(principal, request.DecoderId, ct);
        ActivationResponse? activated = null;
        if (problem is null)
        {
            (activated, problem) = await activation.ActivateAsync(decoder!, request.Version, null, ct);
        }

        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        await Send.OkAsync(activated!, ct);
    }
}
