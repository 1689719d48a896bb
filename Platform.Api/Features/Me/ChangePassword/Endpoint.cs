using Platform.Api.Requests;
using FastEndpoints;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Authentication;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Identity;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Me.ChangePassword;

public sealed class Endpoint(
    PlatformDbContext database, PasswordHashing passwords, SessionAuthentication sessions, AuditLog audit, CurrentPrincipal principal,
    TimeProvider time)
    : Endpoint<Request>
{
    public override void Configure()
    {
        Post("/api/me/password");
        // A stolen session must not be a way to guess the password: rate-limited like the login, and a
        // wrong current password counts towards the same lockout.
        Options(route => route.RequireRateLimiting(LoginRateLimit.PolicyName).TakeSecretsInBodyOnly());
        Summary(summary =>
        {
            summary.Summary = "Change one's own password; every session of the user ends, this one included";
            summary.Description = "A wrong current password counts as a failed login (five lock the account for 15 minutes, "
                + "during which the current password is refused here too).";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var problem = await database.InTransactionAsync(async () =>
        {
            var user = await database.Users.SingleAsync(u => u.Id == principal.UserId, ct);
            await database.LockUserAsync(user, ct);
            var now = time.GetUtcNow();
            if (user.PasswordHash is null || user.IsLockedOut(now))
            {
                passwords.VerifyDecoy(request.CurrentPassword);
                return WrongCurrentPassword();
            }

            if (passwords.Verify(user.PasswordHash, request.CurrentPassword) == PasswordVerificationResult.Failed)
            {
                await audit.RecordFailedLoginAsync(user, new AuditRecord(null, principal.AuditActor, "user.password.change-failed", "user",
                    user.Id.ToString(), ClientAddress: principal.ClientAddress, Outcome: AuditOutcome.Failure), now, ct);
                return WrongCurrentPassword();
            }

            // The data scope names this user, so their tenants are visible (and only theirs).
            var tenantNames = await database.Tenants.Select(tenant => tenant.Name).ToListAsync(ct);
            if (PasswordPolicy.Check(request.NewPassword, user.Email, tenantNames) is { } weakness)
            {
                return ApiProblems.Invalid("newPassword", weakness);
            }

            user.SetPasswordHash(passwords.Hash(request.NewPassword));
            user.RecordSuccessfulLogin();
            var revoked = await sessions.RevokeAllAsync(user.Id, ct);
            await audit.AppendAsync(new AuditRecord(null, principal.AuditActor, "user.password.changed", "user", user.Id.ToString(),
                After: AuditJson.Of(new { sessionsRevoked = revoked }), ClientAddress: principal.ClientAddress), ct);
            return null;
        }, ct);

        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        await Send.NoContentAsync(ct);
    }

    private static IResult WrongCurrentPassword() => ApiProblems.Invalid("currentPassword", "The current password is wrong.");
}
