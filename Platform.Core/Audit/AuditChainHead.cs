namespace Platform.Core.Audit;

/// <summary>
/// The last hash of each audit chain. Appending locks this row, which serializes the writers of a
/// chain, and lets any scope append to a chain it cannot read (a failed login writes to the
/// platform chain). It holds hashes only; verification never trusts it, it recomputes the events.
/// </summary>
public sealed class AuditChainHead
{
    public const string PlatformChain = "platform";

    private AuditChainHead()
    {
        Chain = string.Empty;
        Hash = [];
    }

    public string Chain { get; private set; }

    public byte[] Hash { get; private set; }

    public static string ChainOf(Guid? tenantId) => tenantId?.ToString() ?? PlatformChain;
}
