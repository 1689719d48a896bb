using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Features.Invitations;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Identity;
using Platform.Core.Persistence;
using Platform.Core.Tenancy;
using Platform.Core.Tenancy.Invitations;
using Platform.Core.UseCases;

namespace Platform.Api.Features.Tenants.CreateTenant;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, InviteMember invite, InvitationDelivery delivery,
    CurrentPrincipal principal, DataScope scope, TimeProvider time) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/tenants");
        Summary(summary =>
        {
            summary.Summary = "Create a tenant (platform admins), optionally inviting its first admin by e-mail";
            summary.Description = "With `initialAdmin`, the tenant and an Admin invitation to that address are created together; the "
                + "invitation is in `initialAdminInvitation` and under the tenant's invitations.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        if (principal.PlatformRole != PlatformRole.Admin)
        {
            await Send.ResultAsync(ApiProblems.Forbidden());
            return;
        }

        scope.EnterPlatformScope();
        if (await database.Tenants.AnyAsync(tenant => tenant.Slug == request.Slug, ct))
        {
            await Send.ResultAsync(ApiProblems.Conflict("A tenant with this slug exists."));
            return;
        }

        var (tenant, issued) = await database.InTransactionAsync(async () =>
        {
            var created = new Tenant(request.Slug, request.Name, time.GetUtcNow());
            database.Tenants.Add(created);
            await audit.AppendAsync(new AuditRecord(null, principal.AuditActor, "tenant.created", "tenant", created.Id.ToString(),
                After: AuditJson.Of(new { created.Slug, created.Name }), ClientAddress: principal.ClientAddress), ct);
            // Written before the invitation: its audit record opens the new tenant's chain.
            await database.SaveChangesAsync(ct);
            return (created, await InviteInitialAdminAsync(request, created.Id, ct));
        }, ct);
        if (issued is not null)
        {
            await delivery.SendAsync(issued.Invitation, issued.Token, ct);
        }

        var body = TenantResponse.From(tenant);
        await Send.CreatedAtAsync<GetTenant.Endpoint>(new { TenantId = tenant.Id },
            new Response(body.Id, body.Slug, body.Name, body.Status, body.Settings, body.CreatedAt,
                issued is null ? null : InvitationResponse.From(issued.Invitation, time.GetUtcNow())), cancellation: ct);
    }

    private async Task<IssuedInvitation?> InviteInitialAdminAsync(Request request, Guid tenantId, CancellationToken ct)
    {
        if (request.InitialAdmin is not { } admin)
        {
            return null;
        }

        var outcome = await invite.StageAsync(new InviteMemberRequest(tenantId, admin.Email, admin.DisplayName, TenantRole.Admin),
            principal.Actor, InvitingAs.PlatformAdmin, ct);
        // A new tenant has no members and no invitations, and the address was validated: nothing can refuse it.
        return outcome.Succeeded ? outcome.Value : throw new InvalidOperationException($"The first admin's invitation was refused: {outcome.Refusal}");
    }
}
