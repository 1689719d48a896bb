using Platform.Core.Authorization;

namespace Platform.Api.Tenancy;

/// <summary>
/// Endpoint metadata: the permission an endpoint needs. <see cref="OnResource"/> false: checked
/// for the whole tenant before the handler runs. True: the caller must be a member, and the
/// handler checks the permission on the organization or device it loads (404 when the caller
/// cannot see it, 403 when they can but may not act).
/// </summary>
public sealed record RequiredPermission(Permission Permission, bool OnResource);

/// <summary>
/// Endpoint metadata: a platform admin who is not a member may call this tenant route too (the
/// tenant's own record, which the platform manages). The endpoint audits that use.
/// </summary>
public sealed record PlatformAdminAccess;

/// <summary>
/// Endpoint metadata: API tokens may not call this tenant route (e.g. managing tokens); nor may an
/// OpenID provider's access token, which is a credential minted outside the platform.
/// </summary>
public sealed record NoApiTokens;

public static class RequiredPermissionExtensions
{
    public static TBuilder RejectApiTokens<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NoApiTokens());

    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredPermission(permission, OnResource: false));

    public static TBuilder AllowPlatformAdmins<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PlatformAdminAccess());

    public static TBuilder RequireResourcePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredPermission(permission, OnResource: true));
}
