using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// The development OpenID provider (<c>Platform.AppHost/LocalServices/oidc/server.mjs</c>, npm
/// oidc-provider) as a real Node process for one test class or collection: client secrets and
/// user passwords generated per run, a 0600 config file in a private temporary folder, a free
/// port, the process tree killed on dispose. Its output is kept for failure messages and for
/// tests that check it carries no secret.
/// </summary>
public sealed class OidcDevProvider : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions ConfigJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly Process _process;
    private readonly string _directory;
    private readonly ConcurrentQueue<string> _output;

    private OidcDevProvider(Process process, string directory, ConcurrentQueue<string> output, int port, IReadOnlyList<OidcDevRealm> realms)
    {
        _process = process;
        _directory = directory;
        _output = output;
        Port = port;
        Realms = realms;
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<OidcDevRealm> Realms { get; }

    /// <summary>Everything the process wrote to stdout and stderr so far, one entry a line.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>The folder holding server.mjs and its node_modules (installed by scripts/install-prerequisites.sh).</summary>
    public static string ServerDirectory { get; } = Path.Combine(AppHostDirectory(), "LocalServices", "oidc");

    public OidcDevRealm Realm(string path) => Realms.Single(r => r.Spec.Path == path);

    public string Issuer(string realmPath) => Realm(realmPath).Issuer;

    public static async Task<OidcDevProvider> StartAsync(params OidcRealmSpec[] realms)
    {
        if (!Directory.Exists(Path.Combine(ServerDirectory, "node_modules", "oidc-provider")))
        {
            throw new InvalidOperationException($"{ServerDirectory}/node_modules is missing: run scripts/install-prerequisites.sh.");
        }

        var port = FreePorts.Take(1)[0];
        var generated = realms.Select(Generate).ToList();

        // CreateTempSubdirectory makes the folder 0700; the file itself is created 0600, so the
        // secrets are never readable by anyone else, not even for a moment.
        var directory = Directory.CreateTempSubdirectory("platform-oidc-").FullName;
        var configFile = Path.Combine(directory, "oidc.json");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(configFile, options))
        {
            await JsonSerializer.SerializeAsync(stream, new
            {
                port,
                realms = generated.Select(g => g.Config),
            }, ConfigJson);
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = ServerDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("server.mjs");
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(configFile);

        var output = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var expected = $"listening on http://127.0.0.1:{port}";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            if (e.Data == expected)
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue(e.Data);
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The OpenID provider exited while starting."));

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var provider = new OidcDevProvider(process, directory, output, port,
            [.. generated.Select(g => new OidcDevRealm(g.Spec, $"http://127.0.0.1:{port}{g.Spec.Path}", g.Clients, g.Users))]);
        try
        {
            await listening.Task.WaitAsync(StartTimeout);
        }
        catch (Exception exception)
        {
            await provider.DisposeAsync();
            throw new InvalidOperationException("The OpenID provider did not start:\n" + string.Join('\n', output), exception);
        }

        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        finally
        {
            _process.Dispose();
            if (Directory.Exists(_directory))
            {
                Directory.Delete(_directory, recursive: true);
            }
        }
    }

    // The generated project metadata names the AppHost's project file (or, in some SDKs, its folder).
    private static string AppHostDirectory() =>
        Projects.Platform_AppHost.ProjectPath.EndsWith(".csproj", StringComparison.Ordinal)
            ? Path.GetDirectoryName(Projects.Platform_AppHost.ProjectPath)!
            : Projects.Platform_AppHost.ProjectPath;

    private static string Secret() => RandomNumberGenerator.GetHexString(48, lowercase: true);

    private static GeneratedRealm Generate(OidcRealmSpec spec)
    {
        var clients = spec.Clients
            .Select(c => new OidcDevClient(c.ClientId, c.Confidential ? Secret() : null, c.RedirectUris, c.GrantTypes))
            .ToList();
        var users = spec.Users
            .Select(u => new OidcDevUser(u.Sub, u.Email, Secret(), u))
            .ToList();
        var config = new
        {
            path = spec.Path,
            audience = spec.Audience,
            accessTokenTtlSeconds = spec.AccessTokenTtlSeconds,
            clients = spec.Clients.Zip(clients, (s, c) => new
            {
                clientId = c.ClientId,
                clientSecret = c.ClientSecret,
                redirectUris = s.RedirectUris,
                grantTypes = s.GrantTypes,
                resources = s.Resources,
            }),
            users = users.Select(u => new
            {
                sub = u.Sub,
                email = u.Email,
                emailVerified = u.Spec.EmailVerified,
                name = u.Spec.Name,
                password = u.Password,
                claims = u.Spec.Claims,
            }),
        };
        return new GeneratedRealm(spec, clients, users, config);
    }

    private sealed record GeneratedRealm(OidcRealmSpec Spec, IReadOnlyList<OidcDevClient> Clients, IReadOnlyList<OidcDevUser> Users, object Config);
}
