using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// The whole AppHost in local mode, started once per test collection: fresh state and freshly
/// generated credentials in a temporary folder, free ports, every resource's logs collected.
/// </summary>
public sealed class PlatformAppFixture : IAsyncLifetime
{
    public const string MigrationsResource = "platform-migrations";

    /// <summary>
    /// Where the provider tests' issuers point when nothing is to be contacted (the discard port on
    /// loopback), allowed for this stack as an operator would allow a provider: the destination rule
    /// refuses loopback otherwise.
    /// </summary>
    public const string DeadIssuerOrigin = "http://127.0.0.1:9";

    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), "platform-tests-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string[] _moreArguments;
    private readonly TimeSpan _startTimeout;
    private ResourceLogCollector? _logs;

    public PlatformAppFixture()
        : this([$"--Platform:IdentityProviders:AllowedDestinations:0={DeadIssuerOrigin}"], TimeSpan.FromMinutes(8))
    {
    }

    /// <param name="moreArguments">More AppHost arguments, e.g. a platform OpenID provider (<c>--Platform:Oidc:Issuer=…</c>).</param>
    internal PlatformAppFixture(string[] moreArguments, TimeSpan startTimeout)
    {
        _moreArguments = moreArguments;
        _startTimeout = startTimeout;
    }

    public DistributedApplication App { get; private set; } = null!;

    public IReadOnlyList<(string Resource, LogLine Line)> Logs => _logs?.Lines ?? [];

    /// <summary>
    /// Restarts a resource and waits until it is healthy again. The orchestrator occasionally reports
    /// a freshly restarted process as failed to start before it has even run it (no line of its
    /// output); starting it again is what an operator would do, and what callers test is the
    /// platform's behaviour around the restart, not that. After a database restart this test
    /// process's pooled connections are dead, so its pools are cleared.
    /// </summary>
    public async Task RestartAsync(string resource, CancellationToken cancellationToken)
    {
        var restarted = await App.ResourceCommands.ExecuteCommandAsync(resource, "resource-restart", cancellationToken);
        if (!restarted.Success)
        {
            throw new InvalidOperationException($"{resource} did not restart: {restarted.Message}");
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellationToken);
                break;
            }
            catch (DistributedApplicationException) when (attempt < 3)
            {
                var started = await App.ResourceCommands.ExecuteCommandAsync(resource, "resource-start", cancellationToken);
                if (!started.Success)
                {
                    throw new InvalidOperationException($"{resource} did not start: {started.Message}");
                }
            }
        }

        if (resource == "postgres")
        {
            NpgsqlConnection.ClearAllPools();
        }
    }

    /// <summary>
    /// Waits (up to 30 s) until a resource's log has a line containing <paramref name="text"/>:
    /// lines arrive a moment after what caused them. Returns whether it came.
    /// </summary>
    public async Task<bool> WaitForLogAsync(string? resource, string text, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (Logs.Any(entry => (resource is null || entry.Resource == resource)
                    && entry.Line.Content.Contains(text, StringComparison.Ordinal)))
            {
                return true;
            }

            await Task.Delay(100, cancellationToken);
        }

        return false;
    }

    private readonly ConcurrentDictionary<string, bool> _toleratedErrorCategories = new(StringComparer.Ordinal);

    /// <summary>
    /// Tolerates, for the rest of this stack's run, errors of these log categories (e.g. a health
    /// check failing while a test restarts the database). Additive: the tests of a collection run
    /// in a random order, and the errors of one test's outage are still in the log when another
    /// test's constructor runs. Errors of the platform's own code are never tolerated.
    /// </summary>
    public void TolerateErrorsOf(params IEnumerable<string> categories)
    {
        foreach (var category in categories)
        {
            _toleratedErrorCategories.TryAdd(category, true);
        }
    }

    /// <summary>Resources of the model that a user sees (not Aspire's hidden helpers).</summary>
    public IReadOnlyList<IResource> VisibleResources { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>(
            IsolatedStackArguments.For(_stateDirectory, _moreArguments));
        // Resource logs are collected (and kept in TestResults) rather than written to the console:
        // a failed run prints this process's whole standard output, and its tail must be the
        // failures, not a hundred thousand lines of request logs.
        builder.Services.AddLogging(logging => logging
            .AddFilter("Platform.AppHost.Resources", LogLevel.None)
            .AddFilter("Aspire.Hosting", LogLevel.Warning)
            .AddFilter("Microsoft", LogLevel.Warning));

        App = await builder.BuildAsync();
        _logs = new ResourceLogCollector(App);

        try
        {
            await StartAndWaitAsync();
        }
        catch (Exception exception)
        {
            // The resource logs say why; without them a failed start is a riddle.
            var tail = Logs.TakeLast(80).Select(entry => $"{entry.Resource}: {entry.Line.Content}");
            throw new InvalidOperationException("The app did not start:\n" + string.Join('\n', tail), exception);
        }
    }

    private async Task StartAndWaitAsync()
    {
        using var timeout = new CancellationTokenSource(_startTimeout);
        using var stopWatching = new CancellationTokenSource();
        var failure = FirstFailedResourceAsync(timeout, stopWatching.Token);
        try
        {
            await App.StartAsync(timeout.Token);
            await WaitUntilReadyAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await stopWatching.CancelAsync();
            if (await failure is { } failed)
            {
                throw new InvalidOperationException($"{failed} while the stack was starting.");
            }

            throw;
        }

        await stopWatching.CancelAsync();
        await failure;
    }

    /// <summary>
    /// Watches for a resource that fails while the stack starts (e.g. a crashed process) and then
    /// cancels the start: waiting out the whole start timeout for a resource that is gone says
    /// nothing more than its exit does. Returns what failed, or null.
    /// </summary>
    private async Task<string?> FirstFailedResourceAsync(CancellationTokenSource start, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var update in App.ResourceNotifications.WatchAsync(cancellationToken))
            {
                var state = update.Snapshot.State?.Text;
                var failed = state == KnownResourceStates.FailedToStart
                    || (KnownResourceStates.TerminalStates.Contains(state) && update.Snapshot.ExitCode is { } code && code != 0);
                if (failed)
                {
                    await start.CancelAsync();
                    return $"{update.Resource.Name} {state} (exit code {update.Snapshot.ExitCode?.ToString() ?? "none"})";
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return null;
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var model = App.Services.GetRequiredService<DistributedApplicationModel>();
        VisibleResources = model.Resources.Where(resource => !IsHidden(resource)).ToList();
        foreach (var resource in VisibleResources)
        {
            if (resource.Name == MigrationsResource)
            {
                await App.ResourceNotifications.WaitForResourceAsync(resource.Name,
                    e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellationToken);
            }
            else if (resource is ProjectResource or ExecutableResource)
            {
                await App.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Where the API of this stack reads tenants' <c>file:</c> client secrets from
    /// (<c>{directory}/{tenant id}/…</c>; see the AppHost).
    /// </summary>
    public string IdentityProviderSecretDirectory => Path.Combine(_stateDirectory, "idp-secrets");

    public Task<string?> ConnectionStringAsync(string name) => App.GetConnectionStringAsync(name).AsTask();

    private MailDevInbox? _mailInbox;

    /// <summary>This stack's MailDev, where every e-mail the platform sends arrives.</summary>
    public MailDevInbox MailInbox => _mailInbox ??= new MailDevInbox(App.GetEndpoint("maildev", "http"));

    /// <summary>The web app's address (the base of the links in e-mails).</summary>
    public Uri WebEndpoint => App.GetEndpoint("platform-web", "http");

    /// <summary>A value the AppHost generated for this run into the state folder's credentials file.</summary>
    public string GeneratedCredential(string variable) =>
        File.ReadLines(Path.Combine(_stateDirectory, "credentials.env"))
            .Select(line => line.Split('=', 2))
            .Single(parts => parts[0] == variable)[1];

    /// <summary>
    /// A client of the API that connects from its own loopback address (127.x.y.z), so that the
    /// per-address login rate limit counts each test's logins apart, as it would for real clients.
    /// </summary>
    public HttpClient CreateApiClient(IPAddress? sourceAddress = null)
    {
        var source = sourceAddress ?? new IPAddress([127, (byte)Random.Shared.Next(1, 255), (byte)Random.Shared.Next(0, 256), (byte)Random.Shared.Next(1, 255)]);
        var endpoint = App.GetEndpoint("platform-api", "http");
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = endpoint };
    }

    public ResourceEvent CurrentState(string resourceName) =>
        App.ResourceNotifications.TryGetCurrentState(resourceName, out var state)
            ? state
            : throw new InvalidOperationException($"Resource {resourceName} has no state.");

    /// <summary>
    /// Lines that projects logged at error level (or to stderr), each with the lines after it that
    /// carry its exception. ASP.NET's console logger writes "fail:" to stdout, colored.
    /// </summary>
    public IReadOnlyList<string> ProjectErrors()
    {
        var tolerated = _toleratedErrorCategories.Keys.Select(category => $"fail: {category}").ToList();
        var projects = VisibleResources.OfType<ProjectResource>().Select(project => project.Name).ToHashSet();
        var lines = Logs.Where(entry => projects.Contains(entry.Resource)).ToList();
        var errors = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var content = LogLevelPattern.AnsiEscape().Replace(lines[i].Line.Content, "");
            if ((lines[i].Line.IsErrorMessage || LogLevelPattern.Error().IsMatch(content))
                && !tolerated.Any(prefix => content.Contains(prefix, StringComparison.Ordinal)))
            {
                errors.Add($"{lines[i].Resource}: {string.Join("\n  ", lines.Skip(i).Take(6).Select(l => l.Line.Content))}");
            }
        }

        return errors;
    }

    public async ValueTask DisposeAsync()
    {
        if (App is null)
        {
            return;
        }

        // Every test's requests have been served by now: an error logged anywhere during the run
        // fails it, not only those logged before the smoke test looked.
        var errors = ProjectErrors();
        await App.StopAsync();
        // Kept for diagnosis after the run (the test output truncates resource logs).
        // One file per stack: collections with stacks of their own run side by side.
        var logFile = Path.Combine(AppContext.BaseDirectory, "TestResults", $"resource-logs-{Path.GetFileName(_stateDirectory)}.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        await File.WriteAllLinesAsync(logFile, Logs.Select(entry => $"{entry.Resource}: {entry.Line.Content}"));
        if (_logs is not null)
        {
            await _logs.DisposeAsync();
        }

        await App.DisposeAsync();
        _mailInbox?.Dispose();
        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Projects logged errors during the test run:\n" + string.Join('\n', errors));
        }
    }

    private bool IsHidden(IResource resource) =>
        App.ResourceNotifications.TryGetCurrentState(resource.Name, out var state) && state.Snapshot.IsHidden;
}
