using FastEndpoints;
using Platform.Api.Tenancy;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Decoders.CreateLibraryDecoder;

public sealed class Endpoint(PlatformDbContext database, CurrentPrincipal principal, DecoderCreation creation)
    : Endpoint<Request, CreatedDecoderResponse>
{
    public override void Configure()
    {
        Post("/api/admin/decoders");
        Description(route => route.ClearDefaultProduces(200).Produces<CreatedDecoderResponse>(StatusCodes.Status201Created)
            .ProducesProblemDetails(StatusCodes.Status409Conflict));
        Summary(summary => summary.Summary =
            "Create a platform library decoder, readable by every tenant, optionally with version 1 (platform admins; audited on the " +
            "platform chain); names are unique in the library (409)");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        // The creation's own audit record is the record of this use of the platform scope.
        var (created, problem) = PlatformAdminGate.Enter(database, principal) is { } denial
            ? (null, denial)
            : await creation.CreateAsync(null, request, ct);
        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        await Send.ResponseAsync(created!, StatusCodes.Status201Created, ct);
    }
}
