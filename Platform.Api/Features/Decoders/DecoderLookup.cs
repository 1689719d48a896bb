using Microsoft.EntityFrameworkCore;
using Platform.Api.Paging;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Decoders;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Decoders;

/// <summary>The one way decoder endpoints load decoders and versions: 404 for what the caller cannot see, 403 for the read-only library.</summary>
internal static class DecoderLookup
{
    /// <summary>
    /// A decoder through a tenant's routes: its own or the library's; another tenant's is 404. The
    /// explicit tenant condition backs up the query filter, which would let a platform scope see all.
    /// </summary>
    public static async Task<(Decoder? Decoder, IResult? Problem)> FindAsync(this PlatformDbContext database, Guid tenantId,
        Guid decoderId, bool toChange, CancellationToken ct)
    {
        var decoder = await database.Decoders
            .SingleOrDefaultAsync(d => d.Id == decoderId && (d.TenantId == tenantId || d.TenantId == null), ct);
        return decoder is null ? (null, ApiProblems.NotFound("decoder"))
            : toChange && decoder.IsLibrary ? (null, ApiProblems.LibraryReadOnly())
            : (decoder, null);
    }

    /// <summary>A library decoder, on the platform admin routes (in platform scope, where tenants' decoders are visible too).</summary>
    public static async Task<(Decoder? Decoder, IResult? Problem)> FindLibraryAsync(this PlatformDbContext database, Guid decoderId,
        CancellationToken ct)
    {
        var decoder = await database.Decoders.SingleOrDefaultAsync(d => d.Id == decoderId && d.TenantId == null, ct);
        return decoder is null ? (null, ApiProblems.NotFound("decoder")) : (decoder, null);
    }

    /// <summary>The admin routes' way to a library decoder: the platform admin gate (403 for others), then the decoder.</summary>
    public static async Task<(Decoder? Decoder, IResult? Problem)> EnterLibraryAsync(this PlatformDbContext database,
        CurrentPrincipal principal, Guid decoderId, CancellationToken ct) =>
        PlatformAdminGate.Enter(database, principal) is { } denial ? (null, denial) : await database.FindLibraryAsync(decoderId, ct);

    public static async Task<(DecoderVersion? Version, IResult? Problem)> FindVersionAsync(this PlatformDbContext database,
        Decoder decoder, int version, CancellationToken ct)
    {
        var found = await database.DecoderVersions.SingleOrDefaultAsync(v => v.DecoderId == decoder.Id && v.Version == version, ct);
        return found is null ? (null, ApiProblems.NotFound("decoder version")) : (found, null);
    }

    /// <summary>Devices decoded with it, of the scope's tenant (all tenants in platform scope).</summary>
    public static Task<int> AssignedDevicesAsync(this PlatformDbContext database, Guid decoderId, CancellationToken ct) =>
        database.Devices.CountAsync(device => device.DecoderId == decoderId, ct);

    public static async Task<DecoderResponse> ResponseAsync(this PlatformDbContext database, Decoder decoder, CancellationToken ct) =>
        DecoderResponse.From(decoder, await database.AssignedDevicesAsync(decoder.Id, ct));

    /// <summary>A page of decoders in id (creation) order, each with its count of assigned devices.</summary>
    public static Task<Page<DecoderResponse>> ToDecoderPageAsync(this IQueryable<Decoder> decoders, PlatformDbContext database,
        PagedRequest request, CancellationToken ct) =>
        decoders.OrderBy(decoder => decoder.Id)
            .Select(decoder => new { Decoder = decoder, Devices = database.Devices.Count(device => device.DecoderId == decoder.Id) })
            .ToPageAsync(request, row => DecoderResponse.From(row.Decoder, row.Devices), ct);
}
