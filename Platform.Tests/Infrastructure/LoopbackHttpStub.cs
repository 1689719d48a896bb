using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 that answers the routes a test maps (one request per
/// connection) and records every connection and request it gets, so that a test can assert that the
/// platform never contacted it. Loopback only.
/// </summary>
public sealed class LoopbackHttpStub : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, Func<StubResponse>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _markers = new();
    private readonly Task _accepting;
    private int _connections;

    private LoopbackHttpStub(int port)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    /// <param name="port">A port of its own (e.g. from <see cref="FreePorts"/>), or 0 for any.</param>
    public static LoopbackHttpStub Start(int port = 0) => new(port);

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>"METHOD /path" of every request so far (without the query).</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public void Map(string method, string path, Func<StubResponse> response) => _routes[$"{method} {path}"] = response;

    public void MapJson(string path, string json) => Map("GET", path, () => new StubResponse(200, json));

    /// <summary>
    /// How many connections others made so far. A marker connection of its own is accepted after
    /// every earlier one (the listen queue is in order), so none still waiting is missed.
    /// </summary>
    public async Task<int> ContactsAsync(CancellationToken cancellationToken)
    {
        using var marker = new TcpClient(AddressFamily.InterNetwork);
        marker.Client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var markerPort = ((IPEndPoint)marker.Client.LocalEndPoint!).Port;
        _markers[markerPort] = seen;
        await marker.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
        await seen.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        return Volatile.Read(ref _connections);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_markers.TryRemove(((IPEndPoint)client.Client.RemoteEndPoint!).Port, out var marker))
            {
                client.Dispose();
                marker.TrySetResult();
                continue;
            }

            Interlocked.Increment(ref _connections);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream);
                if (head is null)
                {
                    return;
                }

                var lines = head.Split("\r\n");
                var parts = lines[0].Split(' ');
                var path = parts.Length > 1 ? parts[1].Split('?')[0] : "";
                var length = lines.Skip(1).Select(line => line.Split(':', 2))
                    .Where(pair => pair.Length == 2 && pair[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    .Select(pair => int.Parse(pair[1].Trim(), CultureInfo.InvariantCulture)).FirstOrDefault();
                var body = new byte[Math.Min(length, 1 << 20)];
                await stream.ReadExactlyAsync(body, _stop.Token);
                _requests.Enqueue($"{parts[0]} {path}");
                var response = _routes.TryGetValue($"{parts[0]} {path}", out var route) ? route() : new StubResponse(404, "{}");
                var content = Encoding.UTF8.GetBytes(response.Body);
                var extra = response.Location is null ? "" : $"Location: {response.Location}\r\n";
                var headers = $"HTTP/1.1 {response.Status} Stub\r\nContent-Type: {response.ContentType}\r\nContent-Length: {content.Length}\r\n{extra}Connection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(headers), _stop.Token);
                await stream.WriteAsync(content, _stop.Token);
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or FormatException)
            {
                // A client that went away (or spoke TLS): what counts is that it came.
            }
        }
    }

    private async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (buffer.Count < 64 * 1024)
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                return null;
            }

            buffer.Add(one[0]);
            if (buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n')
            {
                return Encoding.ASCII.GetString([.. buffer]);
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}

/// <summary>What a <see cref="LoopbackHttpStub"/> route answers.</summary>
public sealed record StubResponse(int Status, string Body, string ContentType = "application/json", string? Location = null);
