using Platform.Core.Tenancy;

namespace Platform.Core.Organizations;

/// <summary>A group of devices inside a tenant (a site, a customer, a department) that access is granted on.</summary>
public sealed class Organization : ITenantOwned
{
    public const int MaxNameLength = 200;

    private Organization()
    {
        Name = string.Empty;
    }

    public Organization(Guid tenantId, string name, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        Id = Guid.CreateVersion7(createdAt);
        Name = ValidName(name);
        CreatedAt = createdAt;
    }

    public Guid TenantId { get; private set; }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public void Rename(string name) => Name = ValidName(name);

    private static string ValidName(string name)
    {
        name = name.Trim();
        return name.Length is 0 or > MaxNameLength
            ? throw new ArgumentException($"An organization name is 1 to {MaxNameLength} characters.", nameof(name))
            : name;
    }
}
