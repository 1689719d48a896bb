using System.Net;
using System.Net.Sockets;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// Free TCP ports on 127.0.0.1 below Linux's ephemeral range (32768+), where the local services
/// must listen: a port handed out there can be taken by any outgoing connection in the meantime.
/// </summary>
internal static class FreePorts
{
    public static int[] Take(int count)
    {
        var taken = new HashSet<int>();
        while (taken.Count < count)
        {
            var candidate = Random.Shared.Next(20_000, 32_000);
            if (!taken.Contains(candidate) && IsFree(candidate))
            {
                taken.Add(candidate);
            }
        }

        return [.. taken];
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
