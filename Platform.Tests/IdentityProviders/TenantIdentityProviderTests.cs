using Platform.Core.Identity.Providers;
using Platform.Core.Tenancy;
using static Platform.Tests.IdentityProviders.ProviderSamples;

namespace Platform.Tests.IdentityProviders;

/// <summary>The provider entity's invariants: issuer rules and the rollout state machine.</summary>
public sealed class TenantIdentityProviderTests
{
    private static readonly BreakGlassCandidate LocalAdmin = new(Guid.NewGuid(), TenantRole.Admin, HasLocalPassword: true);

    [Theory]
    [InlineData("https://idp.example.com/realms/acme")]
    [InlineData("https://login.example.org")]
    [InlineData("http://127.0.0.1:8080/realms/acme")]
    [InlineData("http://localhost:8080/realms/acme")]
    [InlineData("http://[::1]:8080/realms/acme")]
    [InlineData("http://idp.example.com/realms/acme")]
    public void AWellShapedIssuerIsAcceptedWhereItMayBeContactedIsTheDestinationRulesToSay(string issuer) =>
        Assert.Null(ProviderIssuer.Problem(IdentityProviderKind.Oidc, issuer, out _));

    [Theory]
    [InlineData("ftp://idp.example.com")]
    [InlineData("idp.example.com")]
    [InlineData("/realms/acme")]
    [InlineData("https://user:pw@idp.example.com")]
    [InlineData("https://idp.example.com/?x=1")]
    [InlineData("https://idp.example.com/#x")]
    [InlineData(" https://idp.example.com")]
    [InlineData("")]
    public void AnyOtherIssuerIsRefused(string issuer) =>
        Assert.NotNull(ProviderIssuer.Problem(IdentityProviderKind.Oidc, issuer, out _));

    [Fact]
    public void AnEntraIssuerNamesItsDirectory()
    {
        var tid = Guid.NewGuid();

        var provider = Provider(connection: Connection($"https://login.microsoftonline.com/{tid}/v2.0", IdentityProviderKind.EntraId));
        var local = Provider(connection: Connection($"http://127.0.0.1:4000/{tid.ToString().ToUpperInvariant()}/v2.0", IdentityProviderKind.EntraId));

        Assert.Equal(tid.ToString(), provider.EntraDirectoryId);
        Assert.Equal(tid.ToString(), provider.ToSettings().EntraDirectoryId);
        Assert.Equal(tid.ToString(), local.EntraDirectoryId);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/common/v2.0")]
    [InlineData("https://login.microsoftonline.com/organizations/v2.0")]
    [InlineData("https://login.microsoftonline.com/{tenantid}/v2.0")]
    [InlineData("https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0")]
    [InlineData("https://sts.windows.net/6f1b8d0e-6f8a-4a8a-9c4e-0d5f3c2b1a90/")]
    public void AnEntraIssuerWithoutOneDirectoryIsRefused(string issuer) =>
        Assert.NotNull(ProviderIssuer.Problem(IdentityProviderKind.EntraId, issuer, out _));

    [Fact]
    public void AnOidcProviderHasNoDirectory() => Assert.Null(Provider().EntraDirectoryId);

    [Fact]
    public void ANewProviderIsConfiguredAndCannotBeEnabledBeforeATest()
    {
        var provider = Provider();

        Assert.Equal(IdentityProviderState.Configured, provider.State);
        Assert.Throws<IdentityProviderStateException>(() => provider.Enable(Now));
        Assert.Throws<IdentityProviderStateException>(() => provider.Enforce(LocalAdmin, Now));
    }

    [Fact]
    public void TheRolloutGoesTestedEnabledEnforcedAndBack()
    {
        var provider = Provider();

        provider.MarkTested(Now);
        Assert.Equal(IdentityProviderState.Tested, provider.State);
        Assert.Throws<IdentityProviderStateException>(() => provider.Enforce(LocalAdmin, Now));
        provider.Enable(Now);
        Assert.Equal(IdentityProviderState.Enabled, provider.State);
        provider.Enforce(LocalAdmin, Now);
        Assert.Equal(IdentityProviderState.Enforced, provider.State);
        Assert.Equal(LocalAdmin.UserId, provider.BreakGlassUserId);
        Assert.Throws<IdentityProviderStateException>(() => provider.Enable(Now));
        provider.Relax(Now);
        Assert.Equal(IdentityProviderState.Enabled, provider.State);
        Assert.Null(provider.BreakGlassUserId);
        Assert.Throws<IdentityProviderStateException>(() => provider.Relax(Now));
        provider.Disable(Now);
        Assert.Equal(IdentityProviderState.Tested, provider.State);
        provider.Enable(Now);
        Assert.Equal(IdentityProviderState.Enabled, provider.State);
    }

    [Theory]
    [InlineData(TenantRole.Member, true)]
    [InlineData(TenantRole.Viewer, true)]
    [InlineData(null, true)]
    [InlineData(TenantRole.Admin, false)]
    public void TheBreakGlassUserIsATenantAdminWithALocalPassword(TenantRole? role, bool hasPassword)
    {
        var provider = Provider();
        provider.MarkTested(Now);
        provider.Enable(Now);

        Assert.Throws<IdentityProviderStateException>(() => provider.Enforce(new BreakGlassCandidate(Guid.NewGuid(), role, hasPassword), Now));
        Assert.Equal(IdentityProviderState.Enabled, provider.State);
    }

    [Fact]
    public void ChangingWhatTheSignInTrustsLeavesEnforcementAndNeedsANewTest()
    {
        var provider = Provider();
        provider.MarkTested(Now);
        provider.Enable(Now);
        provider.Enforce(LocalAdmin, Now);

        var reset = provider.Reconfigure(Connection("https://other.example.com/realms/acme"), Now);

        Assert.True(reset);
        Assert.Equal(IdentityProviderState.Configured, provider.State);
        Assert.Null(provider.BreakGlassUserId);
        Assert.Null(provider.TestedAt);
    }

    [Fact]
    public void TheSameConnectionOrAnotherPolicyKeepsTheState()
    {
        var provider = Provider();
        provider.MarkTested(Now);
        provider.Enable(Now);

        Assert.False(provider.Reconfigure(Connection(), Now));
        provider.ChangePolicy(Policy(domains: ["example.com"], jit: false), Now);

        Assert.Equal(IdentityProviderState.Enabled, provider.State);
        Assert.Equal(["example.com"], provider.AllowedEmailDomains);
    }

    [Theory]
    [InlineData("secret", null)]
    [InlineData(null, "api://other")]
    public void ASecretOrAudienceChangeAlsoNeedsANewTest(string? secret, string? audience)
    {
        var provider = Provider();
        provider.MarkTested(Now);
        var connection = Connection() with
        {
            ClientSecretReference = secret is null ? null : "env:PLATFORM_IDP_X_" + secret.ToUpperInvariant(),
            Audience = audience ?? Connection().Audience,
        };

        Assert.True(provider.Reconfigure(connection, Now));
        Assert.Equal(IdentityProviderState.Configured, provider.State);
    }

    [Fact]
    public void InvalidSettingsAreRefusedWithTheField()
    {
        Assert.Equal("defaultRole", Policy(defaultRole: TenantRole.Admin).Problem()?.Field);
        Assert.Equal("allowedEmailDomains", Policy(domains: ["not a domain"]).Problem()?.Field);
        Assert.Equal("mappingRules[0]", Policy(rules: new ClaimMappingRule("groups", "x")).Problem()?.Field);
        Assert.Equal("mappingRules[0]", Policy(rules: new ClaimMappingRule("groups", "x", OrganizationId: Guid.NewGuid())).Problem()?.Field);
        Assert.Equal("clientSecretReference", (Connection() with { ClientSecretReference = "plain" }).Problem()?.Field);
        Assert.Equal("audience", (Connection() with { Audience = "" }).Problem()?.Field);
        Assert.Equal("issuer", Connection("ftp://idp.example.com").Problem()?.Field);
        Assert.Throws<ArgumentException>(() => Provider(connection: Connection("ftp://idp.example.com")));
    }
}
