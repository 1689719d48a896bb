using Platform.Core.Authorization;
using static Platform.Tests.Authorization.AccessScenario;

namespace Platform.Tests.Authorization;

/// <summary>
/// The design's rules (API.md "who", SECURITY-MODEL.md, the brief) written out by hand, without
/// looking at how the policy computes them, so that the matrix compares two independent readings.
/// </summary>
internal static class ExpectedDecision
{
    public enum TenantWide { Nobody, AnyMember, TenantAdmin, TenantAdminOrEditorSomewhere }

    /// <summary>What a non-admin's grant on the organization must be; tenant admins pass all but NotAsked.</summary>
    public enum OnOrganization { NotAsked, TenantAdminOnly, Viewer, Editor, Manager, ExportRight }

    /// <summary>What a grant on the device itself gives; NotAsked: not a question about a device at all.</summary>
    public enum ByDeviceGrant { NotAsked, Nothing, Read, Write }

    public sealed record Rule(TenantWide TenantWide, OnOrganization OnOrganization, ByDeviceGrant ByDeviceGrant);

    public static readonly IReadOnlyDictionary<Permission, Rule> Rules = new Dictionary<Permission, Rule>
    {
        // permission                               tenant-wide (no resource)                on an organization              by a device grant
        [Permission.TenantRead]               = new(TenantWide.AnyMember,                    OnOrganization.NotAsked,        ByDeviceGrant.NotAsked),
        [Permission.TenantUpdate]             = new(TenantWide.Nobody,                       OnOrganization.NotAsked,        ByDeviceGrant.NotAsked),
        [Permission.TenantDelete]             = new(TenantWide.Nobody,                       OnOrganization.NotAsked,        ByDeviceGrant.NotAsked),
        [Permission.TenantsCreate]            = new(TenantWide.Nobody,                       OnOrganization.NotAsked,        ByDeviceGrant.NotAsked),
        [Permission.MembersRead]              = new(TenantWide.TenantAdmin,                  OnOrganization.NotAsked,        ByDeviceGrant.NotAsked),
        [Permission.MembersManage]            = new(TenantWide.TenantAdmin,                  OnOrganization.NotAsked,        ByDeviceGrant.NotAsked),
        [Permission.OrganizationsList]        = new(TenantWide.AnyMember,                    OnOrganization.NotAsked,        ByDeviceGrant.NotAsked),
        [Permission.OrganizationCreate]       = new(TenantWide.TenantAdmin,                  OnOrganization.NotAsked,        ByDeviceGrant.NotAsked),
        [Permission.OrganizationRead]         = new(TenantWide.TenantAdmin,                  OnOrganization.Viewer,          ByDeviceGrant.NotAsked),
        [Permission.OrganizationUpdate]       = new(TenantWide.TenantAdmin,                  OnOrganization.Manager,         ByDeviceGrant.NotAsked),
        [Permission.OrganizationDelete]       = new(TenantWide.TenantAdmin,                  OnOrganization.TenantAdminOnly, ByDeviceGrant.NotAsked),
        [Permission.OrganizationGrantsRead]   = new(TenantWide.TenantAdmin,                  OnOrganization.Manager,         ByDeviceGrant.NotAsked),
        [Permission.OrganizationGrantsManage] = new(TenantWide.TenantAdmin,                  OnOrganization.Manager,         ByDeviceGrant.NotAsked),
        [Permission.DevicesList]              = new(TenantWide.AnyMember,                    OnOrganization.Viewer,          ByDeviceGrant.NotAsked),
        [Permission.DeviceCreate]             = new(TenantWide.TenantAdminOrEditorSomewhere, OnOrganization.Editor,          ByDeviceGrant.NotAsked),
        [Permission.DeviceRead]               = new(TenantWide.TenantAdmin,                  OnOrganization.Viewer,          ByDeviceGrant.Read),
        [Permission.DeviceUpdate]             = new(TenantWide.TenantAdmin,                  OnOrganization.Editor,          ByDeviceGrant.Write),
        [Permission.DeviceDelete]             = new(TenantWide.TenantAdmin,                  OnOrganization.Editor,          ByDeviceGrant.Nothing),
        [Permission.DeviceGrantsRead]         = new(TenantWide.TenantAdmin,                  OnOrganization.Manager,         ByDeviceGrant.Nothing),
        [Permission.DeviceGrantsManage]       = new(TenantWide.TenantAdmin,                  OnOrganization.Manager,         ByDeviceGrant.Nothing),
        [Permission.DeviceDataRead]           = new(TenantWide.TenantAdmin,                  OnOrganization.Viewer,          ByDeviceGrant.Read),
        [Permission.DataExport]               = new(TenantWide.TenantAdmin,                  OnOrganization.ExportRight,     ByDeviceGrant.Nothing),
        [Permission.RejectedUplinksRead]      = new(TenantWide.TenantAdmin,                  OnOrganization.NotAsked,        ByDeviceGrant.NotAsked),
        [Permission.RejectedUplinksReplay]    = new(TenantWide.TenantAdmin,                  OnOrganization.NotAsked,        ByDeviceGrant.NotAsked),
        [Permission.DecodersRead]             = new(TenantWide.AnyMember,                    OnOrganization.NotAsked,        ByDeviceGrant.NotAsked),
        [Permission.DecodersManage]           = new(TenantWide.TenantAdmin,                  OnOrganization.NotAsked,        ByDeviceGrant.NotAsked),
        [Permission.AuditRead]                = new(TenantWide.TenantAdmin,                  OnOrganization.NotAsked,        ByDeviceGrant.NotAsked),
        [Permission.TenantSettingsManage]     = new(TenantWide.TenantAdmin,                  OnOrganization.NotAsked,        ByDeviceGrant.NotAsked),
    };

    public static bool Decide(Role role, OrganizationGrantLevel grantOnA, DeviceGrantLevel deviceGrant, Permission permission, Target target)
    {
        if (role == Role.None)
        {
            return false;
        }

        var rule = Rules[permission];
        var isDeviceQuestion = rule.ByDeviceGrant != ByDeviceGrant.NotAsked;
        return target switch
        {
            Target.Tenant => TenantWideAllows(role, grantOnA, rule.TenantWide),
            Target.OrganizationA => OrganizationAllows(role, grantOnA, rule.OnOrganization),
            Target.OrganizationB => OrganizationAllows(role, OrganizationGrantLevel.None, rule.OnOrganization),
            Target.DeviceInA => isDeviceQuestion && OrganizationAllows(role, grantOnA, rule.OnOrganization),
            Target.GrantedDeviceInA => isDeviceQuestion
                && (OrganizationAllows(role, grantOnA, rule.OnOrganization) || DeviceGrantAllows(role, deviceGrant, rule.ByDeviceGrant)),
            Target.GrantedDeviceInB => isDeviceQuestion
                && (OrganizationAllows(role, OrganizationGrantLevel.None, rule.OnOrganization)
                    || DeviceGrantAllows(role, deviceGrant, rule.ByDeviceGrant)),
            Target.DeviceInB => isDeviceQuestion && OrganizationAllows(role, OrganizationGrantLevel.None, rule.OnOrganization),
            _ => throw new ArgumentOutOfRangeException(nameof(target)),
        };
    }

    /// <summary>Lists show tenant admins everything, others what a grant covers; a device grant shows only its device.</summary>
    public static bool Sees(Role role, OrganizationGrantLevel grantOnA, DeviceGrantLevel deviceGrant, Target target) => role switch
    {
        Role.None => false,
        Role.Admin => true,
        _ => target switch
        {
            Target.OrganizationA or Target.DeviceInA => grantOnA != OrganizationGrantLevel.None,
            Target.GrantedDeviceInA => grantOnA != OrganizationGrantLevel.None || deviceGrant != DeviceGrantLevel.None,
            Target.GrantedDeviceInB => deviceGrant != DeviceGrantLevel.None,
            _ => false,
        },
    };

    // A Viewer member never writes, whatever the grant says; only Members turn Editor and Manager grants into writes.
    private static bool TenantWideAllows(Role role, OrganizationGrantLevel grantOnA, TenantWide rule) => rule switch
    {
        TenantWide.AnyMember => true,
        TenantWide.TenantAdmin => role == Role.Admin,
        TenantWide.TenantAdminOrEditorSomewhere => role == Role.Admin
            || (role == Role.Member
                && grantOnA is (OrganizationGrantLevel.Editor or OrganizationGrantLevel.Manager or OrganizationGrantLevel.ManagerWithExport)),
        _ => false,
    };

    private static bool OrganizationAllows(Role role, OrganizationGrantLevel grant, OnOrganization rule) => rule switch
    {
        OnOrganization.NotAsked => false,
        _ when role == Role.Admin => true,
        OnOrganization.Viewer => grant != OrganizationGrantLevel.None,
        OnOrganization.Editor => role == Role.Member
            && grant is (OrganizationGrantLevel.Editor or OrganizationGrantLevel.Manager or OrganizationGrantLevel.ManagerWithExport),
        OnOrganization.Manager => role == Role.Member && grant is (OrganizationGrantLevel.Manager or OrganizationGrantLevel.ManagerWithExport),
        OnOrganization.ExportRight => grant == OrganizationGrantLevel.ManagerWithExport,
        _ => false,
    };

    private static bool DeviceGrantAllows(Role role, DeviceGrantLevel grant, ByDeviceGrant rule) => rule switch
    {
        ByDeviceGrant.Read => grant != DeviceGrantLevel.None,
        ByDeviceGrant.Write => role != Role.Viewer && grant == DeviceGrantLevel.Write,
        _ => false,
    };
}
