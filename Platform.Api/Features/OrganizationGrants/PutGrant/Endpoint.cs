using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Organizations;
using Platform.Core.Persistence;

using Platform.Api.Features.Organizations;

namespace Platform.Api.Features.OrganizationGrants.PutGrant;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, TimeProvider time)
    : Endpoint<Request, GrantResponse>
{
    public override void Configure()
    {
        Put("/api/tenants/{tenantId}/organizations/{organizationId}/grants/{userId}");
        Options(route => route.RequireResourcePermission(Permission.OrganizationGrantsManage));
        Summary(summary => summary.Summary =
            "Give or change a member's grant on an organization (tenant admins, organization managers)");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var access = principal.Access;
        if (await OrganizationLookup.DenyAsync(database, access, request.OrganizationId, Permission.OrganizationGrantsManage, ct)
            is { } denial)
        {
            await Send.ResultAsync(denial);
            return;
        }

        // A manager may not raise their own grant.
        if (!access.SeesWholeTenant && request.UserId == principal.UserId)
        {
            await Send.ResultAsync(ApiProblems.Forbidden());
            return;
        }

        // Nor may anyone hand out rights they do not hold: the export right, or through a token more than its scopes allow.
        if (DelegatedGrantRule.RefuseOrganizationGrant(access, request.OrganizationId, request.Access, request.CanExport) is { } refusal)
        {
            await Send.ResultAsync(ApiProblems.BeyondCredentialRights(refusal));
            return;
        }

        var user = await database.TenantMemberships.AsNoTracking()
            .Where(membership => membership.TenantId == request.TenantId && membership.UserId == request.UserId)
            .Join(database.Users, membership => membership.UserId, user => user.Id, (_, user) => user)
            .SingleOrDefaultAsync(ct);
        if (user is null)
        {
            await Send.ResultAsync(ApiProblems.Invalid("userId", "Only a member of the tenant can be granted access."));
            return;
        }

        var grant = await database.OrganizationGrants
            .SingleOrDefaultAsync(g => g.OrganizationId == request.OrganizationId && g.UserId == request.UserId, ct);
        var created = grant is null;
        var before = grant is null ? null : Snapshot(grant);
        grant = await database.InTransactionAsync(async () =>
        {
            if (grant is null)
            {
                grant = new OrganizationGrant(request.TenantId, request.OrganizationId, request.UserId, request.Access,
                    request.CanExport, time.GetUtcNow());
                database.OrganizationGrants.Add(grant);
            }
            else
            {
                grant.Change(request.Access, request.CanExport);
            }

            await audit.AppendAsync(new AuditRecord(request.TenantId, principal.AuditActor, "organization.grant.changed",
                "organization", request.OrganizationId.ToString(), before, Snapshot(grant), principal.ClientAddress), ct);
            return grant;
        }, ct);

        var response = GrantResponse.From(grant, user);
        if (created)
        {
            await Send.CreatedAtAsync<GetGrant.Endpoint>(
                new { request.TenantId, request.OrganizationId, request.UserId }, response, cancellation: ct);
            return;
        }

        await Send.OkAsync(response, ct);
    }

    private static string Snapshot(OrganizationGrant grant) =>
        AuditJson.Of(new { grant.UserId, Access = grant.Access.ToString(), grant.CanExport });
}
