using Platform.Core.Authorization;
using Platform.Core.Devices;
using Platform.Core.Identity;
using Platform.Core.Organizations;
using Platform.Core.Tenancy;
using static Platform.Tests.Authorization.AccessScenario;

namespace Platform.Tests.Authorization;

// What the policy refuses to be built from: input that would make a decision depend on a loader's bug.
public sealed partial class AccessPolicyTests
{
    private static readonly Dictionary<Guid, OrganizationGrantInfo> NoOrganizationGrants = [];
    private static readonly Dictionary<Guid, DeviceAccess> NoDeviceGrants = [];

    private static TenantAccess Member(IReadOnlyDictionary<Guid, OrganizationGrantInfo> organizationGrants,
        IReadOnlyDictionary<Guid, DeviceAccess> deviceGrants) =>
        new(TenantId, UserId, PlatformRole.None, TenantRole.Member, organizationGrants, deviceGrants);

    [Fact]
    public void GrantsWithoutMembershipAreRejected()
    {
        var organizationGrants = new Dictionary<Guid, OrganizationGrantInfo> { [OrganizationA] = new(OrganizationAccess.Viewer, false) };
        var deviceGrants = new Dictionary<Guid, DeviceAccess> { [DeviceInA] = DeviceAccess.Read };

        Assert.Throws<ArgumentException>(() => new TenantAccess(TenantId, UserId, PlatformRole.Admin, null, organizationGrants, NoDeviceGrants));
        Assert.Throws<ArgumentException>(() => new TenantAccess(TenantId, UserId, PlatformRole.None, null, NoOrganizationGrants, deviceGrants));
    }

    [Fact]
    public void MissingIdsAndUndefinedValuesAreRejected()
    {
        Assert.Throws<ArgumentException>(() => Create(Guid.Empty, UserId, PlatformRole.None, TenantRole.Member));
        Assert.Throws<ArgumentException>(() => Create(TenantId, Guid.Empty, PlatformRole.None, TenantRole.Member));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(TenantId, UserId, (PlatformRole)7, TenantRole.Member));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(TenantId, UserId, PlatformRole.None, (TenantRole)0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrganizationGrantInfo((OrganizationAccess)4, CanExport: false));
        Assert.Throws<ArgumentNullException>(() => Member(null!, NoDeviceGrants));

        static TenantAccess Create(Guid tenantId, Guid userId, PlatformRole platformRole, TenantRole tenantRole) =>
            new(tenantId, userId, platformRole, tenantRole, NoOrganizationGrants, NoDeviceGrants);
    }

    [Fact]
    public void GrantsWithoutTargetOrWithUndefinedLevelsAreRejected()
    {
        var emptyOrganization = new Dictionary<Guid, OrganizationGrantInfo> { [Guid.Empty] = new(OrganizationAccess.Viewer, false) };
        var nullGrant = new Dictionary<Guid, OrganizationGrantInfo> { [OrganizationA] = null! };
        var undefinedDeviceAccess = new Dictionary<Guid, DeviceAccess> { [DeviceInA] = (DeviceAccess)3 };

        Assert.Throws<ArgumentException>(() => Member(emptyOrganization, NoDeviceGrants));
        Assert.Throws<ArgumentException>(() => Member(nullGrant, NoDeviceGrants));
        Assert.Throws<ArgumentException>(() => Member(NoOrganizationGrants, undefinedDeviceAccess));
    }

    [Fact]
    public void LaterChangesToTheCallersDictionariesDoNotChangeDecisions()
    {
        var organizationGrants = new Dictionary<Guid, OrganizationGrantInfo> { [OrganizationA] = new(OrganizationAccess.Viewer, false) };
        var deviceGrants = new Dictionary<Guid, DeviceAccess>();
        var access = Member(organizationGrants, deviceGrants);

        organizationGrants[OrganizationA] = new(OrganizationAccess.Manager, CanExport: true);
        organizationGrants[OrganizationB] = new(OrganizationAccess.Manager, CanExport: true);
        deviceGrants[DeviceInB] = DeviceAccess.Write;

        Assert.False(access.AllowsOnOrganization(Permission.OrganizationUpdate, OrganizationA));
        Assert.False(access.CanSeeOrganization(OrganizationB));
        Assert.False(access.CanSeeDevice(DeviceInB, OrganizationB));
        Assert.Equal([OrganizationA], access.GrantedOrganizationIds);
    }
}
