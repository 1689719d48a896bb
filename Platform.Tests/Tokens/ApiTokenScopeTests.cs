using Platform.Core.Authorization;
using Platform.Core.Devices;
using Platform.Core.Identity;
using Platform.Core.Organizations;
using Platform.Core.Tenancy;

namespace Platform.Tests.Tokens;

/// <summary>The scope map and the intersection with the owner's rights, without the stack.</summary>
public sealed class ApiTokenScopeTests
{
    private static readonly Guid Tenant = Guid.NewGuid();
    private static readonly Guid Organization = Guid.NewGuid();
    private static readonly Guid Device = Guid.NewGuid();

    [Fact]
    public void ATokenHoldsAPermissionOnlyWhenTheOwnerHasItAndAScopeAllowsIt()
    {
        var admin = Access(TenantRole.Admin).RestrictedTo(ApiTokenScopes.PermissionsOf([ApiTokenScopes.DevicesRead]));
        var editor = Access(TenantRole.Member, OrganizationAccess.Editor)
            .RestrictedTo(ApiTokenScopes.PermissionsOf([ApiTokenScopes.DevicesRead, ApiTokenScopes.DevicesWrite]));

        Assert.True(admin.AllowsOnDevice(Permission.DeviceRead, Device, Organization));
        Assert.False(admin.AllowsOnDevice(Permission.DeviceUpdate, Device, Organization));
        Assert.False(admin.Allows(Permission.AuditRead));
        Assert.True(admin.Allows(Permission.TenantRead));
        Assert.True(editor.AllowsOnOrganization(Permission.DeviceCreate, Organization));
        Assert.False(editor.AllowsOnOrganization(Permission.DeviceCreate, Guid.NewGuid()));
        Assert.False(editor.Allows(Permission.MembersRead));
    }

    [Fact]
    public void AScopeIsWithinRightsWhenTheOwnerCanUseItSomewhere()
    {
        var viewer = Access(TenantRole.Viewer, OrganizationAccess.Viewer);
        var editor = Access(TenantRole.Member, OrganizationAccess.Editor);

        Assert.True(ApiTokenScopes.IsWithin(ApiTokenScopes.DevicesRead, viewer));
        Assert.True(ApiTokenScopes.IsWithin(ApiTokenScopes.MeasurementsRead, viewer));
        Assert.False(ApiTokenScopes.IsWithin(ApiTokenScopes.DevicesWrite, viewer));
        Assert.True(ApiTokenScopes.IsWithin(ApiTokenScopes.DevicesWrite, editor));
        Assert.False(ApiTokenScopes.IsWithin(ApiTokenScopes.AuditRead, editor));
        Assert.False(ApiTokenScopes.IsWithin("devices:everything", Access(TenantRole.Admin)));
        Assert.All(ApiTokenScopes.Permissions.Keys, scope => Assert.True(ApiTokenScopes.IsWithin(scope, Access(TenantRole.Admin))));
    }

    [Fact]
    public void ATokenAlwaysExpiresWithinAYear()
    {
        var now = DateTimeOffset.UtcNow;

        Assert.Throws<ArgumentOutOfRangeException>(() => Token(now, now.AddDays(400)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Token(now, now.AddYears(1).AddSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Token(now, now));
        Assert.True(Token(now, now.AddYears(1)).IsValid(now));
    }

    private static ApiToken Token(DateTimeOffset now, DateTimeOffset expiresAt) =>
        new(Tenant, "id", [1], Guid.NewGuid(), "name", [ApiTokenScopes.DevicesRead], now, expiresAt);

    private static TenantAccess Access(TenantRole role, OrganizationAccess? grant = null) =>
        new(Tenant, Guid.NewGuid(), PlatformRole.None, role,
            grant is { } access
                ? new Dictionary<Guid, OrganizationGrantInfo> { [Organization] = new(access, false) }
                : new Dictionary<Guid, OrganizationGrantInfo>(),
            new Dictionary<Guid, DeviceAccess>());
}
