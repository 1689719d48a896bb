using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Devices;

/// <summary>The decoder a device is given: the tenant's own or the library's, checked before it is assigned.</summary>
internal static class DeviceDecoder
{
    public const string Field = "decoderId";

    /// <summary>
    /// 400 on <c>decoderId</c> for a decoder the tenant cannot use. Another tenant's decoder fails
    /// exactly like one that does not exist, so the answer reveals nothing about it.
    /// </summary>
    public static async Task<IResult?> CheckDecoderAsync(this PlatformDbContext database, Guid tenantId, Guid? decoderId, CancellationToken ct)
    {
        if (decoderId is not { } id
            || await database.Decoders.AnyAsync(decoder => decoder.Id == id && (decoder.TenantId == tenantId || decoder.TenantId == null), ct))
        {
            return null;
        }

        return ApiProblems.Invalid(Field, "No such decoder.");
    }

    /// <summary>
    /// A PATCH's <c>decoderId</c>: absent keeps the decoder, <c>null</c> removes it, a UUID assigns that one.
    /// Read from a raw JSON element because a nullable Guid cannot tell "absent" from "null".
    /// </summary>
    public static bool TryReadChange(JsonElement element, out bool changes, out Guid? decoderId)
    {
        decoderId = null;
        changes = element.ValueKind != JsonValueKind.Undefined;
        switch (element.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return true;
            case JsonValueKind.String when element.TryGetGuid(out var id) && id != Guid.Empty:
                decoderId = id;
                return true;
            default:
                return false;
        }
    }
}
