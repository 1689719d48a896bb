using System.Net;
using System.Net.Sockets;

namespace Platform.Core.Identity.Oidc;

/// <summary>
/// The addresses an identity provider must never lead the platform to: its own host, the networks
/// it runs in, link-local metadata services, and what is never a public server. IPv6 forms that
/// carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by the address they carry.
/// Pure data: no lookups.
/// </summary>
public static class ReservedAddresses
{
    private static readonly (IPNetwork Network, string Name)[] V4 =
    [
        (IPNetwork.Parse("255.255.255.255/32"), "broadcast"),
        (IPNetwork.Parse("0.0.0.0/8"), "unspecified"),
        (IPNetwork.Parse("10.0.0.0/8"), "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "shared (carrier-grade NAT)"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local"),
        (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.0.0.0/24"), "protocol-assignment"),
        (IPNetwork.Parse("192.0.2.0/24"), "documentation"),
        (IPNetwork.Parse("192.88.99.0/24"), "6to4-relay"),
        (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("198.18.0.0/15"), "benchmarking"),
        (IPNetwork.Parse("198.51.100.0/24"), "documentation"),
        (IPNetwork.Parse("203.0.113.0/24"), "documentation"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved"),
    ];

    private static readonly (IPNetwork Network, string Name)[] V6 =
    [
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        // IPv4-compatible addresses (deprecated): nothing public lives here.
        (IPNetwork.Parse("::/96"), "ipv4-compatible"),
        (IPNetwork.Parse("64:ff9b:1::/48"), "local NAT64"),
        (IPNetwork.Parse("100::/64"), "discard-only"),
        (IPNetwork.Parse("2001::/32"), "teredo"),
        (IPNetwork.Parse("2001:2::/48"), "benchmarking"),
        (IPNetwork.Parse("2001:db8::/32"), "documentation"),
        (IPNetwork.Parse("3fff::/20"), "documentation"),
        (IPNetwork.Parse("fc00::/7"), "unique-local"),
        (IPNetwork.Parse("fe80::/10"), "link-local"),
        (IPNetwork.Parse("fec0::/10"), "site-local"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    /// <returns>The kind of reserved address (e.g. "loopback", "private"), or null for a public one.</returns>
    public static string? Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return Find(V4, address);
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "unknown-family";
        }

        // The scope id plays no part in which network an address is in.
        var plain = new IPAddress(address.GetAddressBytes());
        if (plain.IsIPv4MappedToIPv6)
        {
            return Find(V4, plain.MapToIPv4());
        }

        var bytes = plain.GetAddressBytes();
        if (Nat64.Contains(plain))
        {
            return Find(V4, new IPAddress(bytes.AsSpan(12, 4)));
        }

        if (SixToFour.Contains(plain))
        {
            return Find(V4, new IPAddress(bytes.AsSpan(2, 4)));
        }

        return Find(V6, plain);
    }

    private static string? Find((IPNetwork Network, string Name)[] table, IPAddress address)
    {
        foreach (var (network, name) in table)
        {
            if (network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address))
            {
                return name;
            }
        }

        return null;
    }
}
