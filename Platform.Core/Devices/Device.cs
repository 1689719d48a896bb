using Platform.Core.Tenancy;

namespace Platform.Core.Devices;

/// <summary>A LoRaWAN end device of a tenant, in one organization, bound to a network-server application.</summary>
public sealed class Device : ITenantOwned
{
    public const int MaxNameLength = 200;
    public const int MaxTags = 50;
    public const int MaxTagKeyLength = 64;
    public const int MaxTagValueLength = 256;

    private Dictionary<string, string> _tags = [];
    private Dictionary<string, string> _variables = [];

    private Device()
    {
        Name = string.Empty;
        NetworkServer = null!;
    }

    public Device(Guid tenantId, DevEui devEui, string name, Guid organizationId, NetworkServerBinding networkServer,
        IReadOnlyDictionary<string, string>? tags, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        Id = Guid.CreateVersion7(createdAt);
        DevEui = devEui;
        Name = ValidName(name);
        OrganizationId = organizationId;
        NetworkServer = networkServer;
        _tags = ValidTags(tags);
        CreatedAt = createdAt;
    }

    public Guid TenantId { get; private set; }

    public Guid Id { get; private set; }

    public DevEui DevEui { get; private set; }

    public string Name { get; private set; }

    public Guid OrganizationId { get; private set; }

    public NetworkServerBinding NetworkServer { get; private set; }

    public IReadOnlyDictionary<string, string> Tags => _tags;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The decoder its uplinks are decoded with (that decoder's active version); null: stored raw only.</summary>
    public Guid? DecoderId { get; private set; }

    /// <summary>
    /// ChirpStack's device variables, handed to the decoder as <c>input.variables</c> (calibration
    /// offsets, a sensor's range). Same limits as tags.
    /// </summary>
    public IReadOnlyDictionary<string, string> Variables => _variables;

    public void Rename(string name) => Name = ValidName(name);

    public void AssignTo(Guid organizationId) => OrganizationId = organizationId;

    public void BindTo(NetworkServerBinding networkServer) => NetworkServer = networkServer;

    public void Retag(IReadOnlyDictionary<string, string>? tags) => _tags = ValidTags(tags);

    public void AssignDecoder(Guid? decoderId) => DecoderId = decoderId;

    public void SetVariables(IReadOnlyDictionary<string, string>? variables) => _variables = ValidTags(variables, "variables");

    private static string ValidName(string name)
    {
        name = name.Trim();
        return name.Length is 0 or > MaxNameLength
            ? throw new ArgumentException($"A device name is 1 to {MaxNameLength} characters.", nameof(name))
            : name;
    }

    private static Dictionary<string, string> ValidTags(IReadOnlyDictionary<string, string>? tags, string kind = "tags")
    {
        tags ??= new Dictionary<string, string>();
        if (tags.Count > MaxTags)
        {
            throw new ArgumentException($"A device has at most {MaxTags} {kind}.", kind);
        }

        foreach (var (key, value) in tags)
        {
            if (key.Length is 0 or > MaxTagKeyLength || value.Length > MaxTagValueLength)
            {
                throw new ArgumentException(
                    $"The keys of {kind} are 1 to {MaxTagKeyLength} characters, values at most {MaxTagValueLength}.", kind);
            }
        }

        return new Dictionary<string, string>(tags, StringComparer.Ordinal);
    }
}
