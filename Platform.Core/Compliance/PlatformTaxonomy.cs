using Microsoft.Extensions.Compliance.Classification;

namespace Platform.Core.Compliance;

/// <summary>
/// The platform's data classes. Log parameters marked with <see cref="SecretAttribute"/> or
/// <see cref="PersonalDataAttribute"/> are masked by the redaction that ServiceDefaults enables.
/// </summary>
public static class PlatformTaxonomy
{
    public const string Name = "Platform";

    /// <summary>Passwords, tokens, keys, connection strings with credentials, payload secrets.</summary>
    public static DataClassification Secret { get; } = new(Name, nameof(Secret));

    /// <summary>E-mail addresses, names, client addresses: personal data a log does not need.</summary>
    public static DataClassification Personal { get; } = new(Name, nameof(Personal));
}
