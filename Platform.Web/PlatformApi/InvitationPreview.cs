namespace Platform.Web.PlatformApi;

/// <summary>The body of <c>POST /api/invitations/preview</c>: what accepting the invitation would do.</summary>
/// <param name="Role">Viewer, Member or Admin.</param>
/// <param name="Account">
/// <c>new</c> (no account yet: display name and password), <c>reclaim</c> (an unverified account
/// whose password and sessions are replaced: password) or <c>existing</c> (just accept).
/// </param>
/// <param name="SuggestedDisplayName">The name the inviting admin suggested for a new account, or null.</param>
public sealed record InvitationPreview(string TenantName, string Email, string Role, DateTimeOffset ExpiresAt, string Account,
    string? SuggestedDisplayName = null)
{
    public const string NewAccount = "new";
    public const string ReclaimedAccount = "reclaim";
    public const string ExistingAccount = "existing";

    /// <summary>Whether accepting sets a password (a new or a reclaimed account).</summary>
    public bool NeedsPassword => Account is NewAccount or ReclaimedAccount;
}
