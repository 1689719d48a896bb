using Platform.Core.Organizations;

namespace Platform.Core.Authorization;

/// <summary>
/// The part of an <see cref="OrganizationGrant"/> that decides access, detached from EF so the policy
/// can be built from any source (a query, a token's claims, a test).
/// </summary>
/// <param name="Access">The access level on the organization.</param>
/// <param name="CanExport">
/// Whether the holder may export the organization's data. Independent of <paramref name="Access"/>:
/// a Viewer grant may carry it, a Manager grant may lack it.
/// </param>
public sealed record OrganizationGrantInfo(OrganizationAccess Access, bool CanExport)
{
    // Rejected here rather than denied later: an undefined level would compare as if it were a real one.
    public OrganizationAccess Access { get; } =
        Enum.IsDefined(Access) ? Access : throw new ArgumentOutOfRangeException(nameof(Access));
}
