using Platform.Core.Organizations;
using Platform.Core.Tenancy;

namespace Platform.Core.Identity.Providers;

/// <summary>
/// The tenant's rules for someone its provider signed in, as a pure function of the provider's
/// settings and the token's claims. The provider's rollout state is the sign-in flow's to check.
/// </summary>
/// <remarks>
/// <para>E-mail domains: when any are listed, the e-mail's domain must be one of them exactly
/// (case-insensitive); <c>sub.example.com</c> does not pass for <c>example.com</c>.</para>
/// <para>Role: the highest role among the matching rules that give one (Viewer &lt; Member &lt; Admin),
/// else the provider's default role. The default does not compete with the rules: a rule that maps a
/// group to Viewer must be able to give less than the default.</para>
/// <para>Organization grants: per organization, the highest access among the matching rules.</para>
/// <para>Applied when a membership is created (JIT). An existing member's role and grants are the
/// tenant admins' business afterwards: a sign-in never changes them, so neither a token's claims nor
/// a rule edited later silently promote or demote anyone.</para>
/// </remarks>
public static class TenantSignInRules
{
    public static SignInDecision Decide(TenantIdentityProvider provider, IReadOnlyDictionary<string, IReadOnlyList<string>> claims,
        string? email, bool isExistingMember)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(claims);
        if (provider.AllowedEmailDomains.Length > 0)
        {
            if (string.IsNullOrWhiteSpace(email))
            {
                return SignInDecision.Refused(SignInRefusal.EmailMissing);
            }

            if (!EmailDomains.Allows(provider.AllowedEmailDomains, email))
            {
                return SignInDecision.Refused(SignInRefusal.EmailDomainNotAllowed);
            }
        }

        if (isExistingMember)
        {
            return new SignInDecision(true, null, false, null, []);
        }

        if (!provider.JitEnabled)
        {
            return SignInDecision.Refused(SignInRefusal.NotAMember);
        }

        var matching = provider.MappingRules.Where(rule => rule.Matches(claims)).ToList();
        var role = matching.Where(rule => rule.Role is not null).Select(rule => rule.Role!.Value)
            .DefaultIfEmpty(provider.DefaultRole).Max();
        var grants = matching
            .Where(rule => rule is { OrganizationId: not null, OrganizationAccess: not null })
            .GroupBy(rule => rule.OrganizationId!.Value)
            .Select(group => new OrganizationGrantDecision(group.Key, group.Max(rule => rule.OrganizationAccess!.Value)))
            .ToList();
        return new SignInDecision(true, null, true, role, grants);
    }
}
