using Platform.Core.Authorization;

namespace Platform.Api.Tenancy;

/// <summary>
/// Endpoint metadata: the permission an endpoint needs. <see cref="OnResource"/> false: checked
/// for the whole tenant before the handler runs. True: the caller must be a member, and the
/// handler checks the permission on the organization or device it loads (404 when the caller
/// cannot see it, 403 when they can but may not act).
/// </summary>
public sealed record RequiredPermission(Permission Permission, bool OnResource);

public static class RequiredPermissionExtensions
{
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredPermission(permission, OnResource: false));

    public static TBuilder RequireResourcePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredPermission(permission, OnResource: true));
}
