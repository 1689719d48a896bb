namespace Platform.Core.Decoders;

/// <summary>
/// A named decoder with numbered, immutable versions, one of which is active: devices assigned to it
/// are decoded with that version. Owned by a tenant, or (no tenant) part of the platform library
/// that every tenant reads and only platform admins change.
/// </summary>
public sealed class Decoder
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 2_000;

    private Decoder()
    {
        Name = string.Empty;
        Description = string.Empty;
    }

    public Decoder(Guid? tenantId, string name, string? description, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        Id = Guid.CreateVersion7(createdAt);
        Name = ValidName(name);
        Description = ValidDescription(description);
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    /// <summary>The owning tenant, or null for a platform library decoder.</summary>
    public Guid? TenantId { get; private set; }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string Description { get; private set; }

    /// <summary>The version devices are decoded with; null until one is activated.</summary>
    public int? ActiveVersion { get; private set; }

    /// <summary>The highest version number given so far; versions are never renumbered or reused.</summary>
    public int LatestVersion { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsLibrary => TenantId is null;

    public void Rename(string name, DateTimeOffset at)
    {
        Name = ValidName(name);
        UpdatedAt = at;
    }

    public void Describe(string? description, DateTimeOffset at)
    {
        Description = ValidDescription(description);
        UpdatedAt = at;
    }

    /// <summary>Numbers the next version; the caller adds it in the same unit of work.</summary>
    public int NextVersion(DateTimeOffset at)
    {
        LatestVersion++;
        UpdatedAt = at;
        return LatestVersion;
    }

    /// <summary>Makes <paramref name="version"/> the one devices are decoded with. Its vectors must have passed.</summary>
    public void Activate(int version, DateTimeOffset at)
    {
        if (version < 1 || version > LatestVersion)
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "The decoder has no such version.");
        }

        ActiveVersion = version;
        UpdatedAt = at;
    }

    private static string ValidName(string name)
    {
        name = name.Trim();
        return name.Length is 0 or > MaxNameLength
            ? throw new ArgumentException($"A decoder name is 1 to {MaxNameLength} characters.", nameof(name))
            : name;
    }

    private static string ValidDescription(string? description)
    {
        description = description?.Trim() ?? string.Empty;
        return description.Length > MaxDescriptionLength
            ? throw new ArgumentException($"A decoder description is at most {MaxDescriptionLength} characters.", nameof(description))
            : description;
    }
}
