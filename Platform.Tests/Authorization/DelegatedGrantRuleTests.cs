using Platform.Core.Authorization;
using Platform.Core.Devices;
using Platform.Core.Identity;
using Platform.Core.Organizations;
using Platform.Core.Tenancy;

namespace Platform.Tests.Authorization;

/// <summary>The rule that a caller hands out only rights it holds, over every role and access level, without the stack.</summary>
public sealed class DelegatedGrantRuleTests
{
    private static readonly Guid Tenant = Guid.NewGuid();
    private static readonly Guid Organization = Guid.NewGuid();
    private static readonly Guid Device = Guid.NewGuid();

    [Fact]
    public void OnlyADelegatedCredentialIsRefusedTheAdminRole()
    {
        foreach (var role in Enum.GetValues<TenantRole>())
        {
            Assert.Null(DelegatedGrantRule.RefuseTenantRole(role, isDelegatedCredential: false));
            Assert.Equal(role == TenantRole.Admin ? "role" : null, DelegatedGrantRule.RefuseTenantRole(role, isDelegatedCredential: true)?.Field);
        }
    }

    [Fact]
    public void AnAdminsSessionGivesEveryGrantAndAMembersAdminTokenNone()
    {
        var session = Admin();
        var token = Admin().RestrictedTo(ApiTokenScopes.PermissionsOf([ApiTokenScopes.MembersAdmin]));

        foreach (var level in Enum.GetValues<OrganizationAccess>())
        {
            foreach (var canExport in new[] { false, true })
            {
                Assert.Null(DelegatedGrantRule.RefuseOrganizationGrant(session, Organization, level, canExport));
                Assert.NotNull(DelegatedGrantRule.RefuseOrganizationGrant(token, Organization, level, canExport));
            }
        }

        foreach (var level in Enum.GetValues<DeviceAccess>())
        {
            Assert.Null(DelegatedGrantRule.RefuseDeviceGrant(session, Device, Organization, level));
            Assert.NotNull(DelegatedGrantRule.RefuseDeviceGrant(token, Device, Organization, level));
        }
    }

    [Fact]
    public void ATokenGivesUpToTheLevelItsScopesCover()
    {
        var reader = Admin().RestrictedTo(ApiTokenScopes.PermissionsOf(
            [ApiTokenScopes.MembersAdmin, ApiTokenScopes.DevicesRead, ApiTokenScopes.MeasurementsRead]));

        Assert.Null(DelegatedGrantRule.RefuseOrganizationGrant(reader, Organization, OrganizationAccess.Viewer, canExport: false));
        Assert.Equal("access", DelegatedGrantRule.RefuseOrganizationGrant(reader, Organization, OrganizationAccess.Editor, false)?.Field);
        Assert.Equal("canExport", DelegatedGrantRule.RefuseOrganizationGrant(reader, Organization, OrganizationAccess.Viewer, true)?.Field);
        Assert.Null(DelegatedGrantRule.RefuseDeviceGrant(reader, Device, Organization, DeviceAccess.Read));
        Assert.NotNull(DelegatedGrantRule.RefuseDeviceGrant(reader, Device, Organization, DeviceAccess.Write));
    }

    [Fact]
    public void AManagerGivesEveryLevelOnTheirOrganizationButNotAnExportRightTheyLack()
    {
        var manager = new TenantAccess(Tenant, Guid.NewGuid(), PlatformRole.None, TenantRole.Member,
            new Dictionary<Guid, OrganizationGrantInfo> { [Organization] = new(OrganizationAccess.Manager, false) },
            new Dictionary<Guid, DeviceAccess>());

        Assert.All(Enum.GetValues<OrganizationAccess>(),
            level => Assert.Null(DelegatedGrantRule.RefuseOrganizationGrant(manager, Organization, level, canExport: false)));
        Assert.NotNull(DelegatedGrantRule.RefuseOrganizationGrant(manager, Organization, OrganizationAccess.Viewer, canExport: true));
        Assert.NotNull(DelegatedGrantRule.RefuseOrganizationGrant(manager, Guid.NewGuid(), OrganizationAccess.Viewer, canExport: false));
    }

    private static TenantAccess Admin() => new(Tenant, Guid.NewGuid(), PlatformRole.None, TenantRole.Admin,
        new Dictionary<Guid, OrganizationGrantInfo>(), new Dictionary<Guid, DeviceAccess>());
}
