using Platform.Core.Authorization;
using Platform.Core.Identity;
using static Platform.Tests.Authorization.AccessScenario;

namespace Platform.Tests.Authorization;

/// <summary>
/// The authorization policy, decision by decision: every standing × every permission × every kind of
/// target against <see cref="ExpectedDecision"/>, then the rules that matter most, by name.
/// </summary>
public sealed partial class AccessPolicyTests
{
    public static TheoryData<Role, OrganizationGrantLevel, DeviceGrantLevel, Permission, Target> Decisions()
    {
        var data = new TheoryData<Role, OrganizationGrantLevel, DeviceGrantLevel, Permission, Target>();
        foreach (var (role, organization, device) in Standings())
        {
            foreach (var permission in Enum.GetValues<Permission>())
            {
                foreach (var target in Enum.GetValues<Target>())
                {
                    data.Add(role, organization, device, permission, target);
                }
            }
        }

        return data;
    }

    public static TheoryData<Role, OrganizationGrantLevel, DeviceGrantLevel, Target> Visibility()
    {
        var data = new TheoryData<Role, OrganizationGrantLevel, DeviceGrantLevel, Target>();
        foreach (var (role, organization, device) in Standings())
        {
            foreach (var target in Enum.GetValues<Target>().Where(target => target != Target.Tenant))
            {
                data.Add(role, organization, device, target);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Decisions))]
    public void EveryDecisionMatchesTheDesign(Role role, OrganizationGrantLevel organizationGrant, DeviceGrantLevel deviceGrant,
        Permission permission, Target target)
    {
        var access = Build(role, organizationGrant, deviceGrant);

        Assert.Equal(
            ExpectedDecision.Decide(role, organizationGrant, deviceGrant, permission, target),
            Decide(access, permission, target));
    }

    [Theory]
    [MemberData(nameof(Visibility))]
    public void ListsShowWhatTheDesignSays(Role role, OrganizationGrantLevel organizationGrant, DeviceGrantLevel deviceGrant, Target target)
    {
        var access = Build(role, organizationGrant, deviceGrant);

        Assert.Equal(ExpectedDecision.Sees(role, organizationGrant, deviceGrant, target), Sees(access, target));
    }

    [Fact]
    public void TheExpectedTableCoversEveryPermission() =>
        Assert.Equal(Enum.GetValues<Permission>().Order(), ExpectedDecision.Rules.Keys.Order());

    [Fact]
    public void ViewerWithEditorGrantCannotUpdateDevices()
    {
        var access = Build(Role.Viewer, OrganizationGrantLevel.Editor, DeviceGrantLevel.None);

        Assert.True(access.AllowsOnDevice(Permission.DeviceRead, DeviceInA, OrganizationA));
        Assert.False(access.AllowsOnDevice(Permission.DeviceUpdate, DeviceInA, OrganizationA));
        Assert.False(access.AllowsOnDevice(Permission.DeviceDelete, DeviceInA, OrganizationA));
        Assert.False(access.AllowsOnOrganization(Permission.DeviceCreate, OrganizationA));
        Assert.False(access.Allows(Permission.DeviceCreate));
    }

    [Fact]
    public void ViewerWithWriteDeviceGrantCanOnlyReadThatDevice()
    {
        var access = Build(Role.Viewer, OrganizationGrantLevel.None, DeviceGrantLevel.Write);

        Assert.True(access.AllowsOnDevice(Permission.DeviceDataRead, GrantedDeviceInB, OrganizationB));
        Assert.False(access.AllowsOnDevice(Permission.DeviceUpdate, GrantedDeviceInB, OrganizationB));
    }

    [Fact]
    public void DeviceGrantShowsOnlyThatDevice()
    {
        var access = Build(Role.Member, OrganizationGrantLevel.None, DeviceGrantLevel.Write);

        Assert.True(access.CanSeeDevice(GrantedDeviceInB, OrganizationB));
        Assert.True(access.AllowsOnDevice(Permission.DeviceUpdate, GrantedDeviceInB, OrganizationB));
        Assert.False(access.CanSeeDevice(DeviceInB, OrganizationB));
        Assert.False(access.AllowsOnDevice(Permission.DeviceRead, DeviceInB, OrganizationB));
        Assert.False(access.CanSeeOrganization(OrganizationB));
        Assert.False(access.AllowsOnOrganization(Permission.OrganizationRead, OrganizationB));
        Assert.False(access.AllowsOnOrganization(Permission.DevicesList, OrganizationB));
    }

    [Fact]
    public void DeviceGrantNeverDeletesExportsOrHandsOutGrants()
    {
        var access = Build(Role.Member, OrganizationGrantLevel.None, DeviceGrantLevel.Write);

        Assert.All(
            [Permission.DeviceDelete, Permission.DataExport, Permission.DeviceGrantsRead, Permission.DeviceGrantsManage],
            permission => Assert.False(access.AllowsOnDevice(permission, GrantedDeviceInB, OrganizationB)));
    }

    [Fact]
    public void PlatformAdminWithoutMembershipGetsNothingInTheTenant()
    {
        var access = Build(Role.None, OrganizationGrantLevel.None, DeviceGrantLevel.None, PlatformRole.Admin);

        AssertDeniedEverything(access);
    }

    [Fact]
    public void NonMemberIsDeniedEverything()
    {
        var access = Build(Role.None, OrganizationGrantLevel.None, DeviceGrantLevel.None);

        Assert.False(access.IsMember);
        AssertDeniedEverything(access);
    }

    private static void AssertDeniedEverything(TenantAccess access)
    {
        Assert.False(access.SeesWholeTenant);
        Assert.Empty(access.GrantedOrganizationIds);
        Assert.Empty(access.GrantedDeviceIds);
        foreach (var target in Enum.GetValues<Target>())
        {
            Assert.All(Enum.GetValues<Permission>(), permission => Assert.False(Decide(access, permission, target), $"{permission} on {target}"));
            Assert.False(target != Target.Tenant && Sees(access, target), $"sees {target}");
        }
    }
}
