using System.Net;
using System.Net.Http.Json;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// The stack's mail inbox, read through MailDev's REST API (<c>/api/email</c>) on its web port.
/// Every stack has its own MailDev, but the tests of a stack share it: find mails by recipient,
/// and give each test recipients of its own.
/// </summary>
public sealed class MailDevInbox(Uri webEndpoint) : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly HttpClient _http = new() { BaseAddress = webEndpoint };

    /// <summary>How long <see cref="WaitForMessageToAsync"/> waits unless told otherwise.</summary>
    public static TimeSpan DefaultWait { get; } = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<ReceivedEmail>> ListAsync(CancellationToken cancellationToken)
    {
        var emails = await _http.GetFromJsonAsync<List<MailDevEmail>>("/api/email", cancellationToken) ?? [];
        return emails.Select(email => email.ToReceived()).ToList();
    }

    /// <summary>The e-mails whose recipients include <paramref name="address"/> (case-insensitive), oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedEmail>> MessagesToAsync(string address, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken))
            .Where(email => email.To.Contains(address, StringComparer.OrdinalIgnoreCase))
            .ToList();

    /// <summary>One e-mail by id, or null when MailDev has none (deleted, or never there).</summary>
    public async Task<ReceivedEmail?> GetAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"/api/email/{Uri.EscapeDataString(id)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<MailDevEmail>(cancellationToken))!.ToReceived();
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync($"/api/email/{Uri.EscapeDataString(id)}", cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Waits until an e-mail to <paramref name="address"/> has arrived and returns the newest such
    /// one. Polls for at most <paramref name="wait"/> (default 30 s), then throws: a test that
    /// waits for a mail that never comes fails by itself rather than hanging.
    /// </summary>
    /// <param name="except">Ids to ignore, e.g. of mails to the same address already read.</param>
    public async Task<ReceivedEmail> WaitForMessageToAsync(
        string address, CancellationToken cancellationToken, TimeSpan? wait = null, IReadOnlyCollection<string>? except = null)
    {
        var limit = wait ?? DefaultWait;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var arrived = (await MessagesToAsync(address, cancellationToken))
                .LastOrDefault(email => except is null || !except.Contains(email.Id));
            if (arrived is not null)
            {
                return arrived;
            }

            if (waited.Elapsed >= limit)
            {
                throw new TimeoutException($"No e-mail to {address} arrived in MailDev within {limit.TotalSeconds} s.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    public void Dispose() => _http.Dispose();

    private sealed record MailDevEmail(
        string Id,
        string? Subject,
        string? Text,
        string? Html,
        IReadOnlyList<MailDevAddress>? From,
        IReadOnlyList<MailDevAddress>? To,
        MailDevEnvelope? Envelope)
    {
        // The header's recipients and the envelope's (where the message really went), once each.
        public ReceivedEmail ToReceived() => new(
            Id,
            (To ?? []).Concat(Envelope?.To ?? []).Select(address => address.Address).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            From?.FirstOrDefault()?.Address,
            Subject ?? string.Empty,
            Text,
            Html);
    }

    private sealed record MailDevAddress(string Address);

    private sealed record MailDevEnvelope(IReadOnlyList<MailDevAddress>? To);
}
