using Platform.Core.Identity.Providers;
using Platform.Core.Organizations;
using Platform.Core.Tenancy;
using static Platform.Tests.IdentityProviders.ProviderSamples;

namespace Platform.Tests.IdentityProviders;

public sealed class TenantSignInRulesTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> NoClaims = [];

    private static Dictionary<string, IReadOnlyList<string>> Claims(string name, params string[] values) => new() { [name] = values };

    [Theory]
    [InlineData("ann@example.com", true)]
    [InlineData("Ann@EXAMPLE.com", true)]
    [InlineData("ann@sub.example.com", false)]
    [InlineData("ann@example.com.evil.org", false)]
    [InlineData("ann@notexample.com", false)]
    [InlineData("example.com", false)]
    public void AnEmailPassesOnlyWithExactlyAListedDomain(string email, bool allowed)
    {
        var provider = Provider(Policy(domains: ["example.com"]));

        var decision = TenantSignInRules.Decide(provider, NoClaims, email, isExistingMember: false);

        Assert.Equal(allowed, decision.Allowed);
        Assert.Equal(allowed ? null : SignInRefusal.EmailDomainNotAllowed, decision.Reason);
    }

    [Fact]
    public void ASubdomainPassesWhenItIsListedItself()
    {
        var provider = Provider(Policy(domains: ["example.com", "SUB.example.com"]));

        Assert.True(TenantSignInRules.Decide(provider, NoClaims, "ann@sub.example.com", false).Allowed);
    }

    [Fact]
    public void WithDomainsListedASignInWithoutEmailIsRefused()
    {
        var provider = Provider(Policy(domains: ["example.com"]));

        var decision = TenantSignInRules.Decide(provider, NoClaims, null, isExistingMember: true);

        Assert.False(decision.Allowed);
        Assert.Equal(SignInRefusal.EmailMissing, decision.Reason);
    }

    [Fact]
    public void WithoutDomainsAnyEmailOrNonePasses()
    {
        var provider = Provider();

        Assert.True(TenantSignInRules.Decide(provider, NoClaims, null, false).Allowed);
        Assert.True(TenantSignInRules.Decide(provider, NoClaims, "x@anything.org", false).Allowed);
    }

    [Fact]
    public void ANewcomerIsRefusedWhenJitIsOff()
    {
        var provider = Provider(Policy(jit: false));

        var decision = TenantSignInRules.Decide(provider, NoClaims, "ann@example.com", isExistingMember: false);

        Assert.False(decision.Allowed);
        Assert.Equal(SignInRefusal.NotAMember, decision.Reason);
        Assert.False(decision.Provision);
    }

    [Fact]
    public void AnExistingMemberComesInWithoutJitAndKeepsTheirRights()
    {
        var provider = Provider(Policy(jit: false, rules: new ClaimMappingRule("groups", "admins", TenantRole.Admin)));

        var decision = TenantSignInRules.Decide(provider, Claims("groups", "admins"), "ann@example.com", isExistingMember: true);

        Assert.True(decision.Allowed);
        Assert.False(decision.Provision);
        Assert.Null(decision.Role);
        Assert.Empty(decision.OrganizationGrants);
    }

    [Fact]
    public void ANewcomerMatchingNoRuleGetsTheDefaultRole()
    {
        var provider = Provider(Policy(defaultRole: TenantRole.Viewer, rules: new ClaimMappingRule("groups", "admins", TenantRole.Admin)));

        var decision = TenantSignInRules.Decide(provider, Claims("groups", "staff"), null, isExistingMember: false);

        Assert.True(decision.Provision);
        Assert.Equal(TenantRole.Viewer, decision.Role);
    }

    [Fact]
    public void TheHighestRoleOfTheMatchingRulesWinsWhateverTheirOrder()
    {
        var provider = Provider(Policy(defaultRole: TenantRole.Viewer, rules:
        [
            new ClaimMappingRule("groups", "staff", TenantRole.Member),
            new ClaimMappingRule("groups", "admins", TenantRole.Admin),
            new ClaimMappingRule("department", "ops", TenantRole.Viewer),
        ]));

        var decision = TenantSignInRules.Decide(provider,
            new Dictionary<string, IReadOnlyList<string>> { ["groups"] = ["staff", "admins"], ["department"] = ["ops"] }, null, false);

        Assert.Equal(TenantRole.Admin, decision.Role);
    }

    [Fact]
    public void ARuleCanGiveLessThanTheDefaultRole()
    {
        var provider = Provider(Policy(defaultRole: TenantRole.Member, rules: new ClaimMappingRule("groups", "guests", TenantRole.Viewer)));

        var decision = TenantSignInRules.Decide(provider, Claims("groups", "guests"), null, false);

        Assert.Equal(TenantRole.Viewer, decision.Role);
    }

    [Fact]
    public void ValuesMatchExactlyAndCaseSensitively()
    {
        var provider = Provider(Policy(defaultRole: TenantRole.Viewer, rules: new ClaimMappingRule("groups", "admins", TenantRole.Admin)));

        Assert.Equal(TenantRole.Viewer, TenantSignInRules.Decide(provider, Claims("groups", "Admins"), null, false).Role);
        Assert.Equal(TenantRole.Viewer, TenantSignInRules.Decide(provider, Claims("groups", "admins2"), null, false).Role);
        Assert.Equal(TenantRole.Viewer, TenantSignInRules.Decide(provider, Claims("Groups", "admins"), null, false).Role);
        Assert.Equal(TenantRole.Admin, TenantSignInRules.Decide(provider, Claims("groups", "x", "admins"), null, false).Role);
    }

    [Fact]
    public void OrganizationGrantsTakeTheHighestAccessPerOrganization()
    {
        var north = Guid.NewGuid();
        var south = Guid.NewGuid();
        var provider = Provider(Policy(rules:
        [
            new ClaimMappingRule("groups", "north-view", OrganizationId: north, OrganizationAccess: OrganizationAccess.Viewer),
            new ClaimMappingRule("groups", "north-manage", OrganizationId: north, OrganizationAccess: OrganizationAccess.Manager),
            new ClaimMappingRule("groups", "south-edit", TenantRole.Member, south, OrganizationAccess.Editor),
            new ClaimMappingRule("groups", "unmatched", OrganizationId: Guid.NewGuid(), OrganizationAccess: OrganizationAccess.Manager),
        ]));

        var decision = TenantSignInRules.Decide(provider, Claims("groups", "north-view", "north-manage", "south-edit"), null, false);

        Assert.Equal(
            [new OrganizationGrantDecision(north, OrganizationAccess.Manager), new OrganizationGrantDecision(south, OrganizationAccess.Editor)],
            decision.OrganizationGrants.OrderBy(grant => grant.OrganizationId == north ? 0 : 1));
        Assert.Equal(TenantRole.Member, decision.Role);
    }
}
