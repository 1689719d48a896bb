using Platform.Core.Organizations;
using Platform.Core.Tenancy;

namespace Platform.Core.Identity.Providers;

/// <summary>
/// One claim → role / organization grant rule of a tenant's provider. It matches when the token's
/// claim <see cref="Claim"/> equals <see cref="Value"/> exactly (an array claim when any element does).
/// A rule grants a tenant role, an organization grant, or both.
/// </summary>
public sealed record ClaimMappingRule(
    string Claim,
    string Value,
    TenantRole? Role = null,
    Guid? OrganizationId = null,
    OrganizationAccess? OrganizationAccess = null)
{
    public const int MaxClaimLength = 200;
    public const int MaxValueLength = 500;

    /// <returns>Why the rule cannot be stored, or null. Whether the organization exists is the caller's to check.</returns>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Claim) || Claim.Length > MaxClaimLength)
        {
            return $"A rule names a claim of 1 to {MaxClaimLength} characters.";
        }

        if (string.IsNullOrEmpty(Value) || Value.Length > MaxValueLength)
        {
            return $"A rule's value is 1 to {MaxValueLength} characters.";
        }

        if (Role is null && OrganizationId is null)
        {
            return "A rule grants a role, an organization grant, or both.";
        }

        if (Role is { } role && !Enum.IsDefined(role))
        {
            return "Unknown role.";
        }

        if ((OrganizationId is null) != (OrganizationAccess is null))
        {
            return "An organization grant names both the organization and its access.";
        }

        return OrganizationAccess is { } access && !Enum.IsDefined(access) ? "Unknown organization access." : null;
    }

    public bool Matches(IReadOnlyDictionary<string, IReadOnlyList<string>> claims) =>
        claims.TryGetValue(Claim, out var values) && values.Contains(Value, StringComparer.Ordinal);
}
