namespace Platform.AppHost.Infrastructure;

/// <summary>
/// The local stack's mail server: MailDev (<c>LocalServices/maildev</c>, npm maildev) under Node,
/// which takes every e-mail over plain SMTP on 127.0.0.1 and shows it in a web inbox instead of
/// delivering it. Its REST API (<c>/api/email</c>) is how the tests read invitations.
/// </summary>
internal static class LocalMailDev
{
    private const string Loopback = "127.0.0.1";

    public static PlatformMailServer AddLocalMailDev(this IDistributedApplicationBuilder builder, PlatformHostingSettings settings)
    {
        var directory = Path.Combine(builder.AppHostDirectory, "LocalServices", "maildev");
        var ports = settings.Ports;

        var maildev = builder.AddExecutable("maildev", "node", directory, Path.Combine("node_modules", "maildev", "dist", "bin", "maildev.js"),
                "--smtp", ports.Smtp.ToString(), "--ip", Loopback,
                "--web", ports.MailDev.ToString(), "--web-ip", Loopback,
                // Its own folder: MailDev's default is one /tmp/maildev shared by every stack on the machine.
                "--mail-directory", Path.Combine(settings.StateDirectory!, "maildev"),
                // Otherwise it logs every mail's recipient and subject to the dashboard: personal data
                // that the services' own logs redact. Its health check and inbox say whether it works.
                "--silent")
            .WithHttpEndpoint(port: ports.MailDev, isProxied: false)
            .WithEndpoint(port: ports.Smtp, targetPort: ports.Smtp, scheme: "tcp", name: "smtp", isProxied: false)
            .WithUrlForEndpoint("http", url => url.DisplayText = "Mail inbox")
            .WithHttpHealthCheck("/api/healthz");

        var smtp = builder.AddConnectionString(PlatformMailServer.ConnectionName, ReferenceExpression.Create(
            $"Endpoint=smtp://{Loopback}:{ports.Smtp.ToString()}"));
        return new PlatformMailServer(smtp, maildev,
            ReferenceExpression.Create($"{settings.EmailFrom}"),
            // localhost, as browsers are sent to the web app (the OpenID callbacks say the same).
            ReferenceExpression.Create($"http://localhost:{ports.Web.ToString()}"));
    }
}
