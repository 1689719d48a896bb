using Microsoft.EntityFrameworkCore;
using Platform.Api.Features.Devices;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Decoders;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Decoders;

/// <summary>Creates decoders of a tenant or (no tenant) of the platform library, with an optional first version, in one transaction.</summary>
public sealed class DecoderCreation(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal,
    DecoderVersioning versioning, TimeProvider time)
{
    public const string DuplicateName = "A decoder with this name exists already.";

    public async Task<(CreatedDecoderResponse? Response, IResult? Problem)> CreateAsync(Guid? tenantId, DecoderInput input, CancellationToken ct)
    {
        var decoder = new Decoder(tenantId, input.Name, input.Description, time.GetUtcNow());
        if (await NameTakenAsync(tenantId, decoder.Name, null, ct))
        {
            return (null, ApiProblems.Conflict(DuplicateName));
        }

        PreparedVersion? prepared = null;
        if (input.Version is not null)
        {
            (prepared, var problem) = versioning.Prepare(decoder, input.Version, "version.");
            if (problem is not null)
            {
                return (null, problem);
            }
        }

        try
        {
            var version = await database.InTransactionAsync(async () =>
            {
                database.Decoders.Add(decoder);
                await audit.AppendAsync(new AuditRecord(tenantId, principal.AuditActor, "decoder.created", "decoder", decoder.Id.ToString(),
                    After: AuditJson.Of(new { decoder.Name, decoder.Description }), ClientAddress: principal.ClientAddress), ct);
                return prepared is null ? null : await versioning.AddAsync(decoder, prepared, ct);
            }, ct);
            return (new CreatedDecoderResponse(DecoderResponse.From(decoder, 0), version), null);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Another request took the name between the check and the insert.
            return (null, ApiProblems.Conflict(DuplicateName));
        }
    }

    /// <summary>Names are unique per tenant and within the library; a tenant's decoder may share a library decoder's name.</summary>
    public Task<bool> NameTakenAsync(Guid? tenantId, string name, Guid? except, CancellationToken ct) =>
        database.Decoders.AnyAsync(d => d.TenantId == tenantId && d.Name == name && d.Id != except, ct);
}
