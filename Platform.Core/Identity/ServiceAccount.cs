using Platform.Core.Tenancy;

namespace Platform.Core.Identity;

/// <summary>
/// A tenant-owned principal for machines (DECISIONS.md "Service accounts"). It is a <see cref="User"/>
/// of kind <see cref="UserKind.ServiceAccount"/> (its name is the user's display name, its id the
/// user's id) with a membership of its one tenant, so roles, grants and API tokens apply to it as to
/// a person; this row adds what only a service account has and ties the account to its tenant under
/// row-level security.
/// </summary>
public sealed class ServiceAccount : ITenantOwned
{
    public const int MaxDescriptionLength = 500;

    private ServiceAccount()
    {
        Description = string.Empty;
    }

    private ServiceAccount(Guid tenantId, Guid id, string? description, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        Id = id;
        Description = ValidDescription(description);
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public Guid TenantId { get; private set; }

    /// <summary>The id of its <see cref="User"/>: what memberships, grants and tokens name.</summary>
    public Guid Id { get; private set; }

    public string Description { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The three rows of a new service account, which are only ever created together.</summary>
    public static (User User, ServiceAccount Account, TenantMembership Membership) Create(
        Guid tenantId, string name, string? description, TenantRole role, DateTimeOffset now)
    {
        if (tenantId == Guid.Empty)
        {
            throw new ArgumentException("A service account belongs to a tenant.", nameof(tenantId));
        }

        var user = User.CreateServiceAccount(name, now);
        return (user, new ServiceAccount(tenantId, user.Id, description, now), new TenantMembership(tenantId, user.Id, role, now));
    }

    public void Describe(string? description, DateTimeOffset now)
    {
        Description = ValidDescription(description);
        UpdatedAt = now;
    }

    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    private static string ValidDescription(string? description)
    {
        description = description?.Trim() ?? string.Empty;
        return description.Length > MaxDescriptionLength
            ? throw new ArgumentException($"A description is at most {MaxDescriptionLength} characters.", nameof(description))
            : description;
    }
}
