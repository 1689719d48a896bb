using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Core.Audit;

/// <summary>The hash that links an audit record to its predecessor.</summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of a chain's first record.</summary>
    public static readonly byte[] Genesis = new byte[32];

    public static byte[] ComputeHash(AuditEvent auditEvent)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(auditEvent.PreviousHash);
        Append(hash, auditEvent.Id.ToString());
        Append(hash, auditEvent.TenantId?.ToString());
        // Microseconds: PostgreSQL keeps no more, so a stored record hashes as it was written.
        Append(hash, (auditEvent.OccurredAt.UtcTicks / 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Append(hash, auditEvent.ActorType.ToString());
        Append(hash, auditEvent.ActorId?.ToString());
        Append(hash, auditEvent.Action);
        Append(hash, auditEvent.TargetType);
        Append(hash, auditEvent.TargetId);
        Append(hash, auditEvent.Before);
        Append(hash, auditEvent.After);
        Append(hash, auditEvent.ClientAddress);
        Append(hash, auditEvent.Outcome.ToString());
        // Added later than the other fields: hashed only when present, so that records written before
        // it existed still verify. The length prefix keeps "absent" and any present value apart.
        if (auditEvent.ActorTokenId is not null)
        {
            Append(hash, auditEvent.ActorTokenId);
        }

        return hash.GetHashAndReset();
    }

    // Length-prefixed, with null distinct from empty, so no two field lists hash alike.
    private static void Append(IncrementalHash hash, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(length, -1);
            hash.AppendData(length);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
