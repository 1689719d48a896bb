using System.Text.RegularExpressions;

namespace Platform.Core.Tenancy;

/// <summary>A customer of the platform; every tenant-owned row carries its id.</summary>
public sealed partial class Tenant
{
    public const int MaxSlugLength = 63;
    public const int MaxNameLength = 200;

    private Tenant()
    {
        Slug = string.Empty;
        Name = string.Empty;
    }

    public Tenant(string slug, string name, DateTimeOffset createdAt)
    {
        if (!SlugPattern().IsMatch(slug))
        {
            throw new ArgumentException(
                $"A tenant slug is 1 to {MaxSlugLength} lowercase letters, digits and inner hyphens.", nameof(slug));
        }

        Id = Guid.CreateVersion7(createdAt);
        Slug = slug;
        Name = ValidName(name);
        Status = TenantStatus.Active;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>Stable, URL-safe handle (DNS label rules), unique across the platform.</summary>
    public string Slug { get; private set; }

    public string Name { get; private set; }

    public TenantStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public TenantSettings Settings { get; private set; } = new();

    public void Rename(string name) => Name = ValidName(name);

    public void ChangeSettings(TenantSettings settings) => Settings = settings;

    public void ChangeStatus(TenantStatus status) =>
        Status = Enum.IsDefined(status) ? status : throw new ArgumentOutOfRangeException(nameof(status));

    private static string ValidName(string name)
    {
        name = name.Trim();
        return name.Length is 0 or > MaxNameLength
            ? throw new ArgumentException($"A tenant name is 1 to {MaxNameLength} characters.", nameof(name))
            : name;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex SlugPattern();
}
