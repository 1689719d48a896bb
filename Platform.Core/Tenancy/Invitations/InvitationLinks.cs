namespace Platform.Core.Tenancy.Invitations;

/// <summary>
/// Where invitation links point: the web app's page that reads the secret from the URL fragment.
/// A fragment never travels in a request, so no access log, proxy or Referer header carries it.
/// </summary>
public sealed class InvitationLinks
{
    public const string SectionName = "Platform:Web";

    public const string PagePath = "/invitation";

    /// <summary>The web app's address as browsers reach it (<c>Platform:Web:PublicUrl</c>).</summary>
    public Uri? PublicUrl { get; set; }

    public string LinkFor(string token)
    {
        var baseUrl = PublicUrl ?? throw new InvalidOperationException($"{SectionName}:PublicUrl is not configured: invitation links have nowhere to point.");
        return $"{baseUrl.GetLeftPart(UriPartial.Authority)}{baseUrl.AbsolutePath.TrimEnd('/')}{PagePath}#token={Uri.EscapeDataString(token)}";
    }
}
