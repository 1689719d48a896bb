using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using Microsoft.IdentityModel.Protocols;

namespace Platform.Core.Identity.Oidc;

/// <summary>
/// The one way out to identity providers (issuer discovery, keys, token endpoint; the platform's own
/// provider too): every connection is vetted at connect time by <see cref="ProviderDestinationRule"/>
/// against the address actually being connected to, so a host name that resolves (or re-resolves,
/// DNS rebinding) to a loopback, private or link-local address gets nowhere. No redirects, proxies,
/// cookies or decompression; short timeouts; bounded answers.
/// </summary>
public sealed class ProviderEgress : IDocumentRetriever, IDisposable
{
    /// <summary>Discovery documents, key sets and token responses are a few kilobytes.</summary>
    public const int MaxResponseBytes = 256 * 1024;

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    private readonly HttpClient _client;

    public ProviderEgress(ProviderAllowList allowList)
    {
        AllowList = allowList;
        _client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            // A proxy would be what the connect-time check sees, not the provider.
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = ConnectTimeout,
            MaxResponseHeadersLength = 32,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, cancellationToken),
        })
        {
            Timeout = RequestTimeout,
            // SendAsync reads the whole answer into memory: no more than this.
            MaxResponseContentBufferSize = MaxResponseBytes,
        };
    }

    public ProviderAllowList AllowList { get; }

    /// <summary>Sends a request to a provider, the whole answer read (up to <see cref="MaxResponseBytes"/>).</summary>
    /// <exception cref="ProviderUnusableException">The URL or the address it leads to is not allowed.</exception>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { } uri || ProviderDestinationRule.Refusal(uri, AllowList) is not null)
        {
            throw new ProviderUnusableException(ProviderFailure.DestinationNotAllowed);
        }

        try
        {
            return await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException exception) when (exception.InnerException is ProviderUnusableException refused)
        {
            throw refused;
        }
    }

    /// <summary>A discovery document or key set (for the configuration manager): any failure is <see cref="ProviderFailure.DiscoveryFailed"/>.</summary>
    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            throw new ProviderUnusableException(ProviderFailure.DiscoveryFailed);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await SendAsync(request, cancel);
            return response.IsSuccessStatusCode
                ? await response.Content.ReadAsStringAsync(cancel)
                : throw new ProviderUnusableException(ProviderFailure.DiscoveryFailed);
        }
        catch (Exception exception) when (exception is not ProviderUnusableException && !cancel.IsCancellationRequested)
        {
            throw ProviderUnusableException.From(exception, ProviderFailure.DiscoveryFailed);
        }
    }

    /// <summary>
    /// Resolves the host and connects only to an address the rule permits: the check is on the
    /// address the socket is opened to, not on an earlier lookup that may answer differently.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var host = ProviderHost.Normalize(endpoint.Host);
        var addresses = ProviderHost.AddressOf(host) is { } literal ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var permitted = addresses.Where(address => ProviderDestinationRule.Permits(address, host, endpoint.Port, AllowList)).ToList();
        if (permitted.Count == 0)
        {
            throw new ProviderUnusableException(ProviderFailure.DestinationNotAllowed);
        }

        ExceptionDispatchInfo? failure = null;
        foreach (var address in permitted)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                failure = ExceptionDispatchInfo.Capture(exception);
            }
        }

        failure!.Throw();
        throw new UnreachableException();
    }

    public void Dispose() => _client.Dispose();
}
