using Platform.Core.Authorization;
using Platform.Core.Identity;
using Platform.Core.Organizations;
using Platform.Core.Tenancy;
using static Platform.Tests.Authorization.AccessScenario;

namespace Platform.Tests.Authorization;

// The rules that matter most, by name; the matrix in AccessPolicyTests.cs covers them all.
public sealed partial class AccessPolicyTests
{
    [Fact]
    public void TenantAdminSeesTheWholeTenantWithoutGrants()
    {
        var access = Build(Role.Admin, OrganizationGrantLevel.None, DeviceGrantLevel.None);

        Assert.True(access.SeesWholeTenant);
        Assert.True(access.CanSeeOrganization(OrganizationB));
        Assert.True(access.CanSeeDevice(DeviceInB, OrganizationB));
        Assert.True(access.AllowsOnOrganization(Permission.OrganizationDelete, OrganizationB));
        Assert.True(access.AllowsOnDevice(Permission.DataExport, DeviceInB, OrganizationB));
        Assert.True(access.Allows(Permission.AuditRead));
    }

    [Theory]
    [InlineData(Role.None, PlatformRole.Admin)]
    [InlineData(Role.Viewer, PlatformRole.Admin)]
    [InlineData(Role.Member, PlatformRole.Admin)]
    [InlineData(Role.Admin, PlatformRole.Admin)]
    [InlineData(Role.Admin, PlatformRole.None)]
    public void TenantsAreCreatedChangedAndDeletedOnlyThroughTheAdminEndpoints(Role role, PlatformRole platformRole)
    {
        var access = Build(role, OrganizationGrantLevel.None, DeviceGrantLevel.None, platformRole);

        Assert.False(access.Allows(Permission.TenantsCreate));
        Assert.False(access.Allows(Permission.TenantUpdate));
        Assert.False(access.Allows(Permission.TenantDelete));
    }

    [Fact]
    public void PlatformAdminWhoIsAViewerGetsOnlyWhatTheViewerRoleGives()
    {
        var access = Build(Role.Viewer, OrganizationGrantLevel.None, DeviceGrantLevel.None, PlatformRole.Admin);

        Assert.True(access.Allows(Permission.TenantRead));
        Assert.False(access.Allows(Permission.MembersRead));
        Assert.False(access.Allows(Permission.TenantUpdate));
        Assert.False(access.SeesWholeTenant);
        Assert.False(access.CanSeeOrganization(OrganizationA));
    }

    [Fact]
    public void DeviceCreateNeedsAnEditorGrantOnTheTargetOrganization()
    {
        var editor = Build(Role.Member, OrganizationGrantLevel.Editor, DeviceGrantLevel.None);
        var viewer = Build(Role.Member, OrganizationGrantLevel.Viewer, DeviceGrantLevel.Write);

        Assert.True(editor.Allows(Permission.DeviceCreate));
        Assert.True(editor.AllowsOnOrganization(Permission.DeviceCreate, OrganizationA));
        Assert.False(editor.AllowsOnOrganization(Permission.DeviceCreate, OrganizationB));
        Assert.False(viewer.Allows(Permission.DeviceCreate));
    }

    [Fact]
    public void ExportNeedsTheExportRightEvenForManagers()
    {
        var manager = Build(Role.Member, OrganizationGrantLevel.Manager, DeviceGrantLevel.None);
        var exporter = Build(Role.Member, OrganizationGrantLevel.ManagerWithExport, DeviceGrantLevel.None);

        Assert.False(manager.AllowsOnOrganization(Permission.DataExport, OrganizationA));
        Assert.False(manager.AllowsOnDevice(Permission.DataExport, DeviceInA, OrganizationA));
        Assert.True(exporter.AllowsOnOrganization(Permission.DataExport, OrganizationA));
        Assert.True(exporter.AllowsOnDevice(Permission.DataExport, DeviceInA, OrganizationA));
        Assert.False(exporter.AllowsOnOrganization(Permission.DataExport, OrganizationB));
        Assert.False(exporter.Allows(Permission.DataExport));
    }

    [Fact]
    public void ViewerKeepsAnExplicitExportRightButStillOnlyReads()
    {
        var access = new TenantAccess(TenantId, UserId, PlatformRole.None, TenantRole.Viewer,
            new Dictionary<Guid, OrganizationGrantInfo> { [OrganizationA] = new(OrganizationAccess.Viewer, CanExport: true) },
            NoDeviceGrants);

        Assert.True(access.AllowsOnOrganization(Permission.DataExport, OrganizationA));
        Assert.True(access.AllowsOnDevice(Permission.DeviceDataRead, DeviceInA, OrganizationA));
        Assert.False(access.AllowsOnDevice(Permission.DeviceUpdate, DeviceInA, OrganizationA));
    }

    [Fact]
    public void ManagerCanRunTheOrganizationButNotDeleteIt()
    {
        var access = Build(Role.Member, OrganizationGrantLevel.Manager, DeviceGrantLevel.None);

        Assert.True(access.AllowsOnOrganization(Permission.OrganizationUpdate, OrganizationA));
        Assert.True(access.AllowsOnOrganization(Permission.OrganizationGrantsManage, OrganizationA));
        Assert.True(access.AllowsOnDevice(Permission.DeviceGrantsManage, DeviceInA, OrganizationA));
        Assert.False(access.AllowsOnOrganization(Permission.OrganizationDelete, OrganizationA));
        Assert.False(access.Allows(Permission.OrganizationGrantsManage));
    }

    [Fact]
    public void GrantedIdsAreWhatAListQueryFiltersBy()
    {
        var access = Build(Role.Member, OrganizationGrantLevel.Viewer, DeviceGrantLevel.Read);

        Assert.False(access.SeesWholeTenant);
        Assert.Equal([OrganizationA], access.GrantedOrganizationIds);
        Assert.Equal(new[] { GrantedDeviceInA, GrantedDeviceInB }.Order(), access.GrantedDeviceIds.Order());
    }

    [Fact]
    public void PermissionsAskedAboutTheWrongKindOfResourceAreDeniedEvenToTenantAdmins()
    {
        var access = Build(Role.Admin, OrganizationGrantLevel.None, DeviceGrantLevel.None);

        Assert.False(access.AllowsOnOrganization(Permission.AuditRead, OrganizationA));
        Assert.False(access.AllowsOnOrganization(Permission.TenantDelete, OrganizationA));
        Assert.False(access.AllowsOnDevice(Permission.OrganizationDelete, DeviceInA, OrganizationA));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(999)]
    public void UnknownPermissionIsDeniedEvenToTenantAdmins(int value)
    {
        var access = Build(Role.Admin, OrganizationGrantLevel.ManagerWithExport, DeviceGrantLevel.Write);

        Assert.All(Enum.GetValues<Target>(), target => Assert.False(Decide(access, (Permission)value, target)));
    }
}
