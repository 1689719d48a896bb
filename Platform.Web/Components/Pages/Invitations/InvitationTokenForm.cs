namespace Platform.Web.Components.Pages.Invitations;

/// <summary>The first form: the token the page's script read from the link's fragment.</summary>
public sealed class InvitationTokenForm
{
    public string? Token { get; set; }
}
