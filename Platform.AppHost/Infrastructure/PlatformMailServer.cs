namespace Platform.AppHost.Infrastructure;

/// <summary>
/// The mail server the API sends invitations through, as the "smtp" connection string
/// (<c>Endpoint=smtp://host:port[;Username=…;Password=…]</c>).
/// </summary>
/// <param name="Smtp">The connection string, under the name the API reads.</param>
/// <param name="Server">The local stack's MailDev to wait for; null where the operator runs the mail server.</param>
/// <param name="From">The sender: an address with an optional display name.</param>
/// <param name="WebPublicUrl">The web app's address as browsers reach it: the base of the links in e-mails.</param>
public sealed record PlatformMailServer(
    IResourceBuilder<IResourceWithConnectionString> Smtp,
    IResourceBuilder<IResource>? Server,
    ReferenceExpression From,
    ReferenceExpression WebPublicUrl)
{
    public const string ConnectionName = "smtp";

    /// <summary>
    /// Published manifests: the operator's mail server, sender and public address, as a connection
    /// string and parameters the deployment supplies (no MailDev).
    /// </summary>
    public static PlatformMailServer FromOperator(IDistributedApplicationBuilder builder)
    {
        var from = builder.AddParameter("email-from");
        var publicUrl = builder.AddParameter("web-public-url");
        return new PlatformMailServer(builder.AddConnectionString(ConnectionName), null,
            ReferenceExpression.Create($"{from.Resource}"), ReferenceExpression.Create($"{publicUrl.Resource}"));
    }
}

internal static class PlatformMailServerExtensions
{
    /// <summary>
    /// Hands a service the mail server, the sender address, and the web app's public address, the
    /// base of the links its e-mails carry.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPlatformMailServer(
        this IResourceBuilder<ProjectResource> project, PlatformMailServer mail)
    {
        project.WithReference(mail.Smtp)
            .WithEnvironment("Platform__Email__From", mail.From)
            .WithEnvironment("Platform__Web__PublicUrl", mail.WebPublicUrl);
        if (mail.Server is not null)
        {
            project.WaitFor(mail.Server);
        }

        return project;
    }
}
