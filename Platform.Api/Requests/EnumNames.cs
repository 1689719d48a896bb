namespace Platform.Api.Requests;

/// <summary>
/// The API's one rule for reading an enum value, in bodies and query strings alike: exactly one of
/// its defined names, in any case. Not <see cref="Enum.TryParse(Type, string?, bool, out object?)"/>,
/// which also takes numbers and comma-separated combinations.
/// </summary>
internal static class EnumNames
{
    public static bool TryParse(Type enumType, string? text, out object? value)
    {
        var name = text is null ? null : Enum.GetNames(enumType).FirstOrDefault(defined => defined.Equals(text, StringComparison.OrdinalIgnoreCase));
        value = name is null ? null : Enum.Parse(enumType, name);
        return value is not null;
    }

    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        var parsed = TryParse(typeof(TEnum), text, out var boxed);
        value = parsed ? (TEnum)boxed! : default;
        return parsed;
    }
}
