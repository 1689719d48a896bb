using Platform.Core.Tenancy;

namespace Platform.Core.Identity.Providers;

/// <summary>
/// Who may sign in through a tenant's provider and with what rights: allowed e-mail domains (none:
/// any), just-in-time membership with a default role, and claim mapping rules in order.
/// </summary>
public sealed record SignInPolicy(
    IReadOnlyList<string> AllowedEmailDomains,
    bool JitEnabled,
    TenantRole DefaultRole,
    IReadOnlyList<ClaimMappingRule> MappingRules)
{
    /// <returns>The first problem, or null. Whether the rules' organizations exist in the tenant is the caller's to check.</returns>
    public FieldProblem? Problem()
    {
        EmailDomains.Normalize(AllowedEmailDomains, out var domainProblem);
        if (domainProblem is not null)
        {
            return new FieldProblem("allowedEmailDomains", domainProblem);
        }

        // Whoever the provider vouches for would become an admin: admins come from a rule, if at all.
        if (!Enum.IsDefined(DefaultRole) || DefaultRole == TenantRole.Admin)
        {
            return new FieldProblem("defaultRole", "The default role is Viewer or Member; give Admin through a mapping rule.");
        }

        if (MappingRules is null || MappingRules.Count > TenantIdentityProvider.MaxRules)
        {
            return new FieldProblem("mappingRules", $"At most {TenantIdentityProvider.MaxRules} rules.");
        }

        for (var i = 0; i < MappingRules.Count; i++)
        {
            if (MappingRules[i] is null)
            {
                return new FieldProblem($"mappingRules[{i}]", "A rule is required.");
            }

            if (MappingRules[i].Problem() is { } ruleProblem)
            {
                return new FieldProblem($"mappingRules[{i}]", ruleProblem);
            }
        }

        return null;
    }
}
