using Platform.Core.Organizations;
using Platform.Core.Tenancy;

namespace Platform.Core.Identity.Providers;

/// <summary>
/// Whether a person the provider vouches for may come into the tenant, and with what: the tenant
/// role and organization grants a new member gets (the mapping rules' result). An existing member
/// keeps the role and grants the tenant's admins gave them; <see cref="Provision"/> is false then.
/// </summary>
/// <param name="Reason">Why not (one of <see cref="SignInRefusal"/>), for audit and logs; null when allowed.</param>
public sealed record SignInDecision(
    bool Allowed,
    string? Reason,
    bool Provision,
    TenantRole? Role,
    IReadOnlyList<OrganizationGrantDecision> OrganizationGrants)
{
    public static SignInDecision Refused(string reason) => new(false, reason, false, null, []);
}

public sealed record OrganizationGrantDecision(Guid OrganizationId, OrganizationAccess Access);

/// <summary>Stable reasons of a refused sign-in (audited, never shown as more than "not allowed").</summary>
public static class SignInRefusal
{
    public const string EmailMissing = "email-missing";
    public const string EmailDomainNotAllowed = "email-domain-not-allowed";
    public const string NotAMember = "not-a-member-and-jit-disabled";
}
