namespace Platform.Api.Features.Invitations.PreviewInvitation;

public sealed class Request
{
    /// <summary>The link's secret (<c>pli_…</c>), read by the invitation page from the URL fragment.</summary>
    public string? Token { get; init; }

    public override string ToString() => "PreviewInvitation.Request";
}
