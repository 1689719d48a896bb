namespace Platform.Web.Components.Pages.Invitations;

/// <summary>The second form: the token again (in a hidden field, never in a URL) and what the account needs.</summary>
public sealed class InvitationAcceptForm
{
    public string? Token { get; set; }
    public string? DisplayName { get; set; }
    public string? Password { get; set; }
    public string? RepeatPassword { get; set; }
}
