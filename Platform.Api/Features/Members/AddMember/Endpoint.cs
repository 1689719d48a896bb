using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Identity;
using Platform.Core.Persistence;
using Platform.Core.Tenancy;
using LocalUser = Platform.Core.Identity.User;

namespace Platform.Api.Features.Members.AddMember;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, PasswordHashing passwords,
    TimeProvider time) : Endpoint<Request, MemberResponse>
{
    public override void Configure()
    {
        Post("/api/tenants/{tenantId}/members");
        Options(route => route.RequirePermission(Permission.MembersManage));
        Summary(summary => summary.Summary =
            "Add a user to the tenant with a role (tenant admins); an unknown e-mail creates a local user, which needs a password");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        if ((DelegatedGrantRule.RefuseTenantRole(request.Role, principal.IsDelegatedCredential)
                ?? DelegatedGrantRule.RefusePassword(request.Password is not null, principal.IsDelegatedCredential)) is { } refusal)
        {
            await Send.ResultAsync(ApiProblems.BeyondCredentialRights(refusal));
            return;
        }

        var email = LocalUser.NormalizeEmail(request.Email);
        var user = await database.Users.SingleOrDefaultAsync(u => u.Email == email, ct);
        if (user is { IsServiceAccount: true })
        {
            await Send.ResultAsync(ApiProblems.Invalid("email", "A service account belongs to its own tenant and cannot be added as a member."));
            return;
        }

        if (user is not null && await database.TenantMemberships.AnyAsync(
                membership => membership.TenantId == request.TenantId && membership.UserId == user.Id, ct))
        {
            await Send.ResultAsync(ApiProblems.Conflict("This user is already a member of the tenant."));
            return;
        }

        // An existing user's password is never set here: that would let one tenant's admin take over
        // an account that other tenants share.
        if (user is null && await PasswordProblemAsync(request, email, ct) is { } problem)
        {
            await Send.ResultAsync(ApiProblems.Invalid("password", problem));
            return;
        }

        var now = time.GetUtcNow();
        var membership = await database.InTransactionAsync(async () =>
        {
            if (user is null)
            {
                user = new LocalUser(email, request.DisplayName ?? email[..email.IndexOf('@')], PlatformRole.None, now);
                user.SetPasswordHash(passwords.Hash(request.Password!));
                database.Users.Add(user);
                await audit.AppendAsync(new AuditRecord(request.TenantId, principal.AuditActor, "user.created", "user",
                    user.Id.ToString(), After: AuditJson.Of(new { user.Email, user.DisplayName }),
                    ClientAddress: principal.ClientAddress), ct);
            }

            var added = new TenantMembership(request.TenantId, user.Id, request.Role, now);
            database.TenantMemberships.Add(added);
            await audit.AppendAsync(new AuditRecord(request.TenantId, principal.AuditActor, "member.added", "user",
                user.Id.ToString(), After: AuditJson.Of(new { user.Email, Role = added.Role.ToString() }),
                ClientAddress: principal.ClientAddress), ct);
            return added;
        }, ct);
        await Send.CreatedAtAsync<GetMember.Endpoint>(new { request.TenantId, UserId = user!.Id },
            MemberResponse.From(membership, user), cancellation: ct);
    }

    private async Task<string?> PasswordProblemAsync(Request request, string email, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.Password))
        {
            return "A new user needs a password.";
        }

        var tenantName = await database.Tenants.Where(tenant => tenant.Id == request.TenantId)
            .Select(tenant => tenant.Name).SingleAsync(ct);
        return PasswordPolicy.Check(request.Password, email, [tenantName]);
    }
}
