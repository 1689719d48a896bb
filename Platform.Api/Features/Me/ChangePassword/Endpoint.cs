using FastEndpoints;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Identity;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Me.ChangePassword;

public sealed class Endpoint(
    PlatformDbContext database, PasswordHashing passwords, SessionAuthentication sessions, AuditLog audit, CurrentPrincipal principal)
    : Endpoint<Request>
{
    public override void Configure()
    {
        Post("/api/me/password");
        Summary(summary => summary.Summary = "Change one's own password; every session of the user ends, this one included");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var user = await database.Users.SingleAsync(u => u.Id == principal.UserId, ct);
        if (user.PasswordHash is null || passwords.Verify(user.PasswordHash, request.CurrentPassword) == PasswordVerificationResult.Failed)
        {
            await Send.ResultAsync(ApiProblems.Invalid("currentPassword", "The current password is wrong."));
            return;
        }

        // The data scope names this user, so their tenants are visible (and only theirs).
        var tenantNames = await database.Tenants.Select(tenant => tenant.Name).ToListAsync(ct);
        if (PasswordPolicy.Check(request.NewPassword, user.Email, tenantNames) is { } problem)
        {
            await Send.ResultAsync(ApiProblems.Invalid("newPassword", problem));
            return;
        }

        await database.InTransactionAsync(async () =>
        {
            user.SetPasswordHash(passwords.Hash(request.NewPassword));
            var revoked = await sessions.RevokeAllAsync(user.Id, ct);
            await audit.AppendAsync(new AuditRecord(null, principal.AuditActor, "user.password.changed", "user", user.Id.ToString(),
                After: AuditJson.Of(new { sessionsRevoked = revoked }), ClientAddress: principal.ClientAddress), ct);
            return user;
        }, ct);
        await Send.NoContentAsync(ct);
    }
}
