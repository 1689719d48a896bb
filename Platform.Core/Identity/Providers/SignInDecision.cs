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

    /// <summary>An identity nobody linked yet, at a provider without JIT.</summary>
    public const string NotLinked = "not-linked-and-jit-disabled";

    /// <summary>
    /// A new identity whose e-mail the provider does not say is verified: nothing is linked to or
    /// provisioned from an address its owner never confirmed (a new account holding it would receive
    /// that address's later invitations).
    /// </summary>
    public const string EmailNotVerified = "email-not-verified";

    /// <summary>
    /// Service accounts have no interactive login: no provider may link one, whatever e-mail it
    /// asserts, nor provision anyone in their reserved <c>.invalid</c> domain.
    /// </summary>
    public const string ServiceAccount = "service-account";

    /// <summary>
    /// The e-mail is an existing account's that is not a member of the provider's tenant. A tenant's
    /// provider is run by that tenant, so it can assert any e-mail as verified: linking it to an
    /// account of someone outside the tenant would hand that account to the tenant. A tenant admin
    /// adds the person as a member first; then the provider may link them.
    /// </summary>
    public const string EmailOfAnotherAccount = "email-of-an-account-outside-the-tenant";

    /// <summary>
    /// The platform's provider vouches for an address whose account nobody confirmed (an admin typed it
    /// in, or a tenant's provider provisioned it): linking would hand the provider's person an account
    /// someone else may hold the password of. An invitation to the address lets its owner reclaim it.
    /// </summary>
    public const string AccountEmailUnverified = "account-email-unverified";
}
