using Microsoft.EntityFrameworkCore;
using Platform.Api.Authentication;
using Platform.Core.Identity;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Mfa;

/// <summary>
/// Who may manage MFA: a local user (with a password) signed in with a session. API tokens never
/// reach here (the tenant scope refuses them outside tenants); users who sign in through an
/// identity provider have their MFA there.
/// </summary>
internal static class MfaCaller
{
    public static async Task<(User? User, Session? Session, IResult? Problem)> FindAsync(HttpContext http, PlatformDbContext database,
        CancellationToken ct)
    {
        if (http.Items[typeof(Session)] is not Session session)
        {
            return (null, null, MfaProblems.SessionsOnly());
        }

        var userId = http.User.UserId();
        var user = await database.Users.SingleAsync(u => u.Id == userId, ct);
        return user.PasswordHash is null ? (null, null, MfaProblems.NotLocalUser()) : (user, session, null);
    }
}
