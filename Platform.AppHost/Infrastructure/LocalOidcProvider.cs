using System.Text.Json;
using Aspire.Hosting.Eventing;

namespace Platform.AppHost.Infrastructure;

/// <summary>
/// Local mode's stand-in for Keycloak: the development OpenID provider
/// (<c>LocalServices/oidc/server.mjs</c>, npm oidc-provider) with one realm, <c>/realms/platform</c>,
/// whose public client is the web app and whose one user is the platform admin, so that SSO works
/// without a container runtime.
/// </summary>
internal static class LocalOidcProvider
{
    private const string Loopback = "127.0.0.1";

    public static PlatformIdentityProvider AddLocalOidcProvider(
        this IDistributedApplicationBuilder builder, PlatformHostingSettings settings, PlatformSecrets secrets)
    {
        var directory = Path.Combine(builder.AppHostDirectory, "LocalServices", "oidc");
        var configFile = Path.Combine(settings.StateDirectory!, "oidc", "oidc.json");
        var ports = settings.Ports;

        var oidc = builder.AddExecutable("oidc", "node", directory, "server.mjs", "--config", configFile)
            .WithHttpEndpoint(port: ports.Oidc, isProxied: false)
            .WithHttpHealthCheck("/health");

        // The admin's e-mail and password are parameters: their values are resolved, and the file
        // holding them written, only when the app starts (never while a manifest is published).
        builder.Eventing.Subscribe<BeforeStartEvent>(async (_, cancellationToken) =>
        {
            var email = await secrets.AdminEmail.Resource.GetValueAsync(cancellationToken)
                ?? throw new InvalidOperationException("The admin e-mail parameter has no value.");
            var password = await secrets.AdminPassword.Resource.GetValueAsync(cancellationToken)
                ?? throw new InvalidOperationException("The admin password parameter has no value.");
            WriteConfig(configFile, Config(ports, email, password));
        });

        return new PlatformIdentityProvider(oidc, $"http://{Loopback}:{ports.Oidc}{PlatformIdentityProvider.RealmPath}",
            PlatformIdentityProvider.CallbackUris(ports));
    }

    private static object Config(PlatformHostingSettings.PortSettings ports, string adminEmail, string adminPassword) => new
    {
        port = ports.Oidc,
        realms = new[]
        {
            new
            {
                path = PlatformIdentityProvider.RealmPath,
                audience = PlatformIdentityProvider.Audience,
                accessTokenTtlSeconds = 300,
                clients = new[]
                {
                    new
                    {
                        // Public, like Keycloak's platform-web: code + PKCE, no secret to leak.
                        clientId = PlatformIdentityProvider.ClientId,
                        redirectUris = PlatformIdentityProvider.CallbackUris(ports),
                        grantTypes = new[] { "authorization_code", "refresh_token" },
                    },
                },
                users = new[]
                {
                    new
                    {
                        // The bootstrap admin's own e-mail: the same person as the local account.
                        sub = "platform-admin",
                        email = adminEmail,
                        emailVerified = true,
                        name = "Platform admin",
                        password = adminPassword,
                    },
                },
            },
        },
    };

    private static void WriteConfig(string path, object config)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Readable by its owner only (server.mjs refuses anything else), and renamed into place so
        // the provider never reads half a file.
        var temporary = path + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, config);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
