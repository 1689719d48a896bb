using FastEndpoints;
using Platform.Api.Tenancy;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Decoders.CreateLibraryVersion;

public sealed class Endpoint(PlatformDbContext database, CurrentPrincipal principal, DecoderVersioning versioning)
    : Endpoint<Request, CreatedVersionResponse>
{
    public override void Configure()
    {
        Post("/api/admin/decoders/{decoderId}/versions");
        Description(route => route.ClearDefaultProduces(200).Produces<CreatedVersionResponse>(StatusCodes.Status201Created));
        Summary(summary => summary.Summary =
            "Add the next version of a library decoder, as on the tenant route: vectors run at once, a script that does not compile is a " +
            "400 with line and column (platform admins; audited on the platform chain)");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var (decoder, problem) = await database.EnterLibraryAsync(principal, request.DecoderId, ct);
        CreatedVersionResponse? created = null;
        if (problem is null)
        {
            (created, problem) = await versioning.CreateAsync(decoder!, request, ct);
        }

        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        await Send.ResponseAsync(created!, StatusCodes.Status201Created, ct);
    }
}
