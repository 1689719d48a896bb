using Microsoft.Playwright;

namespace Platform.Tests.Infrastructure.Browser;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, installed by scripts/install-prerequisites.sh)
/// driven headless by Playwright, launched once per test class (<c>IClassFixture</c>). Playwright's
/// own browser download does not work on our machines, hence <see cref="BrowserTypeLaunchOptions.ExecutablePath"/>.
/// Each test takes a fresh tab in a fresh context: no cookie or storage crosses tests.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // LOCAL-SERVICES.md: the flags that work here (root, no GPU, no network beyond the stack).
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: run ./scripts/install-prerequisites.sh.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
        });
    }

    /// <summary>A new tab in a context of its own; dispose it at the end of the test.</summary>
    /// <param name="javaScriptEnabled">False to see what a browser without JavaScript gets.</param>
    public async Task<BrowserTab> NewTabAsync(bool javaScriptEnabled = true)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = javaScriptEnabled });
        var tab = new BrowserTab(context, await context.NewPageAsync());
        return tab;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
