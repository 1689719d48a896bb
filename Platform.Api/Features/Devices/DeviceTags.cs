using Platform.Core.Devices;

namespace Platform.Api.Features.Devices;

/// <summary>
/// The limits <see cref="Device"/> enforces on tags (and, the same, on decoder variables), checked up
/// front so they become 400s naming the field.
/// </summary>
internal static class DeviceTags
{
    public static string Message => MessageFor("tags");

    public static string MessageFor(string kind) =>
        $"At most {Device.MaxTags} {kind}; keys 1 to {Device.MaxTagKeyLength} characters, values at most {Device.MaxTagValueLength}.";

    public static bool AreValid(IReadOnlyDictionary<string, string>? tags) =>
        tags is null || (tags.Count <= Device.MaxTags
            && tags.All(tag => tag.Key.Length is > 0 and <= Device.MaxTagKeyLength
                && tag.Value is not null && tag.Value.Length <= Device.MaxTagValueLength));
}
