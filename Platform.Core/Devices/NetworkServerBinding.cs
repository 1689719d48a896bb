namespace Platform.Core.Devices;

/// <summary>
/// Where a device's uplinks must come from: the network server and its application id (a UUID in
/// ChirpStack, <c>app</c> or <c>app@tenant</c> in The Things Stack). An uplink on any other topic
/// is rejected: the topic is a trust boundary.
/// </summary>
public sealed record NetworkServerBinding
{
    public const int MaxApplicationIdLength = 100;

    public NetworkServerBinding(NetworkServerKind kind, string applicationId)
    {
        Kind = Enum.IsDefined(kind) ? kind : throw new ArgumentOutOfRangeException(nameof(kind));
        applicationId = applicationId.Trim();
        ApplicationId = kind switch
        {
            _ when applicationId.Length is 0 or > MaxApplicationIdLength =>
                throw new ArgumentException($"An application id is 1 to {MaxApplicationIdLength} characters.", nameof(applicationId)),
            NetworkServerKind.ChirpStack when !Guid.TryParse(applicationId, out var id) =>
                throw new ArgumentException("A ChirpStack application id is a UUID.", nameof(applicationId)),
            NetworkServerKind.ChirpStack => Guid.Parse(applicationId).ToString(),
            _ when applicationId.Any(c => c is '/' or '+' or '#' || char.IsWhiteSpace(c)) =>
                throw new ArgumentException("An application id cannot contain '/', '+', '#' or spaces.", nameof(applicationId)),
            _ => applicationId,
        };
    }

    public NetworkServerKind Kind { get; }

    public string ApplicationId { get; }

    /// <summary>
    /// The application as the admission compares it (case-insensitively, ordinal): two bindings with
    /// one key receive the same uplinks, so the application's owner is claimed by this key.
    /// </summary>
    public string ClaimKey => ApplicationId.ToUpperInvariant();

    /// <summary>Whether both receive the uplinks of one network-server application.</summary>
    public bool IsSameApplicationAs(NetworkServerBinding other) => Kind == other.Kind && ClaimKey == other.ClaimKey;
}
