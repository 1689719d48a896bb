using System.Globalization;
using System.Net;

namespace Platform.Tests.Egress;

/// <summary>
/// Generated destinations the platform must never contact for an identity provider: the first, a
/// middle and the last address of every reserved range, each IPv4 one written every way a URL parser
/// or resolver reads it (decimal, octal, hex, short forms, IPv4-mapped, -compatible, NAT64, 6to4),
/// IPv6 ones compressed, expanded and in upper case, loopback names, and http to a public host.
/// Data only: nothing here is ever sent a packet.
/// </summary>
public static class ForbiddenDestinations
{
    /// <summary>IPv4 ranges no provider may be on (RFC 6890 and friends), written out apart from the rule under test.</summary>
    public static readonly (string Cidr, string Kind)[] V4Ranges =
    [
        ("0.0.0.0/8", "this network"), ("10.0.0.0/8", "private"), ("100.64.0.0/10", "CGNAT"), ("127.0.0.0/8", "loopback"),
        ("169.254.0.0/16", "link-local"), ("172.16.0.0/12", "private"), ("192.0.0.0/24", "IETF"), ("192.0.2.0/24", "TEST-NET-1"),
        ("192.168.0.0/16", "private"), ("198.18.0.0/15", "benchmarking"), ("198.51.100.0/24", "TEST-NET-2"),
        ("203.0.113.0/24", "TEST-NET-3"), ("224.0.0.0/4", "multicast"), ("240.0.0.0/4", "reserved"),
    ];

    public static readonly (string Cidr, string Kind)[] V6Ranges =
    [
        ("::1/128", "loopback"), ("::/128", "unspecified"), ("fe80::/10", "link-local"), ("fc00::/7", "unique-local"),
        ("ff00::/8", "multicast"), ("2001:db8::/32", "documentation"), ("fec0::/10", "site-local"), ("100::/64", "discard"),
        ("64:ff9b:1::/48", "local NAT64"),
    ];

    /// <summary>Addresses next to the ranges, which are public and must stay usable.</summary>
    public static readonly string[] PublicNeighbours =
    [
        "1.0.0.1", "8.8.8.8", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0", "126.255.255.255", "128.0.0.0",
        "169.253.255.255", "169.255.0.0", "172.15.255.255", "172.32.0.0", "192.167.255.255", "192.169.0.0", "198.17.255.255",
        "198.20.0.0", "223.255.255.255", "2606:4700:4700::1111", "2a00:1450:4001::1", "::ffff:8.8.8.8", "64:ff9b::808:808",
        "2002:808:808::1",
    ];

    /// <summary>The first, a middle and the last address of every range, IPv4 and IPv6.</summary>
    public static IEnumerable<(IPAddress Address, string Kind)> Addresses() =>
        V4Ranges.Concat(V6Ranges).SelectMany(range => Samples(IPNetwork.Parse(range.Cidr)).Select(address => (address, range.Kind)));

    /// <summary>Every reserved address together with the IPv6 forms that carry an IPv4 one.</summary>
    public static IEnumerable<(IPAddress Address, string Description)> AddressForms()
    {
        foreach (var (address, kind) in Addresses())
        {
            yield return (address, $"{address} ({kind})");
            if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            {
                var b = address.GetAddressBytes();
                yield return (address.MapToIPv6(), $"{address} mapped ({kind})");
                yield return (IPAddress.Parse($"::{address}"), $"{address} compatible ({kind})");
                yield return (IPAddress.Parse($"64:ff9b::{address}"), $"{address} NAT64 ({kind})");
                yield return (IPAddress.Parse($"2002:{b[0]:x2}{b[1]:x2}:{b[2]:x2}{b[3]:x2}::1"), $"{address} 6to4 ({kind})");
            }
        }
    }

    /// <summary>Issuer URLs leading to those addresses, every spelling; none on port 9 (the tests' allowed dead issuer port).</summary>
    public static IEnumerable<(string Url, string Description)> IssuerUrls()
    {
        foreach (var (address, kind) in Addresses())
        {
            foreach (var host in Spellings(address))
            {
                yield return ($"https://{host}/realms/acme", $"{host} ({kind})");
            }
        }

        foreach (var host in new[] { "localhost", "LOCALHOST", "localhost.", "LocalHost.", "idp.localhost", "intranet", "metadata" })
        {
            yield return ($"https://{host}/realms/acme", $"{host} (loopback or local name)");
            yield return ($"https://{host}:8443/realms/acme", $"{host}:8443 (loopback or local name)");
        }

        // Plain http to a host the operators did not allow, public or not.
        yield return ("http://idp.example.com/realms/acme", "http to a public name");
        yield return ("http://8.8.8.8/realms/acme", "http to a public address");
        yield return ("http://127.0.0.1:8080/realms/acme", "http to loopback on a port nobody allowed");
        yield return ("http://[::1]:8080/realms/acme", "http to IPv6 loopback");
        // User info that makes a reader see another host.
        yield return ("https://idp.example.com@127.0.0.1/realms/acme", "user info before a loopback host");
        yield return ("https://idp.example.com:443@169.254.169.254/latest", "user info before the metadata service");
    }

    private static IEnumerable<string> Spellings(IPAddress address)
    {
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var text = address.ToString();
            yield return $"[{text}]";
            yield return $"[{text.ToUpperInvariant()}]";
            yield return $"[{string.Join(':', Enumerable.Range(0, 8).Select(i => ((address.GetAddressBytes()[2 * i] << 8) | address.GetAddressBytes()[2 * i + 1]).ToString("x4", CultureInfo.InvariantCulture)))}]";
            yield break;
        }

        var b = address.GetAddressBytes();
        var value = ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
        yield return address.ToString();
        yield return value.ToString(CultureInfo.InvariantCulture);
        yield return "0x" + value.ToString("x8", CultureInfo.InvariantCulture);
        yield return "0X" + value.ToString("X", CultureInfo.InvariantCulture);
        yield return string.Join('.', b.Select(octet => "0" + Convert.ToString(octet, 8)));
        yield return string.Join('.', b.Select(octet => "0x" + octet.ToString("x", CultureInfo.InvariantCulture)));
        yield return $"{b[0]}.{b[1]}.{(b[2] << 8) | b[3]}";
        yield return $"{b[0]}.{(b[1] << 16) | (b[2] << 8) | b[3]}";
        yield return $"[::ffff:{address}]";
        yield return $"[::FFFF:{(b[0] << 8) | b[1]:X}:{(b[2] << 8) | b[3]:X}]";
        yield return $"[::{address}]";
        yield return $"[64:ff9b::{address}]";
        yield return $"[2002:{b[0]:x2}{b[1]:x2}:{b[2]:x2}{b[3]:x2}::]";
    }

    private static IEnumerable<IPAddress> Samples(IPNetwork network)
    {
        var first = network.BaseAddress.GetAddressBytes();
        var last = (byte[])first.Clone();
        var hostBits = first.Length * 8 - network.PrefixLength;
        for (var bit = 0; bit < hostBits; bit++)
        {
            last[first.Length - 1 - bit / 8] |= (byte)(1 << (bit % 8));
        }

        var middle = (byte[])first.Clone();
        if (hostBits > 1)
        {
            // The middle bit of the host part set, and the lowest one, so it is neither end.
            var bit = hostBits / 2;
            middle[first.Length - 1 - bit / 8] |= (byte)(1 << (bit % 8));
            middle[^1] |= 1;
        }

        return new[] { new IPAddress(first), new IPAddress(middle), new IPAddress(last) }.DistinctBy(address => address.ToString());
    }
}
