using Microsoft.Playwright;

namespace Platform.Tests.Infrastructure.Browser;

/// <summary>
/// One tab of <see cref="ChromiumFixture"/>'s browser with what a test wants to know afterwards:
/// every URL the tab requested (to prove that a secret never travelled in one) and the errors its
/// scripts raised.
/// </summary>
public sealed class BrowserTab : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _requestedUrls = [];
    private readonly List<string> _scriptErrors = [];

    internal BrowserTab(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Request += (_, request) => { lock (_requestedUrls) { _requestedUrls.Add(request.Url); } };
        page.PageError += (_, error) => { lock (_scriptErrors) { _scriptErrors.Add(error); } };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> RequestedUrls { get { lock (_requestedUrls) { return [.. _requestedUrls]; } } }

    public IReadOnlyList<string> ScriptErrors { get { lock (_scriptErrors) { return [.. _scriptErrors]; } } }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
