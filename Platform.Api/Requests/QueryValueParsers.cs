using System.Reflection;
using FastEndpoints;

namespace Platform.Api.Requests;

/// <summary>
/// The same rules for query (and route) values as for JSON bodies: enums by <see cref="EnumNames"/>,
/// times by <see cref="OffsetTimes"/>. Registered by property type, so every request DTO gets them.
/// </summary>
internal static class QueryValueParsers
{
    public static void UseStrictValueParsers(this BindingOptions binding)
    {
        binding.ValueParserWhen(property => Underlying(property).IsEnum, ParseEnum);
        // By type as well as by property: FastEndpoints' own DateTimeOffset parsing otherwise wins.
        binding.ValueParserWhen(property => Underlying(property) == typeof(DateTimeOffset), ParseTime);
        binding.ValueParserFor<DateTimeOffset>(values => ParseTime(values.ToString(), typeof(DateTimeOffset)));
        binding.ValueParserFor<DateTimeOffset?>(values => ParseTime(values.ToString(), typeof(DateTimeOffset?)));
    }

    private static Type Underlying(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;

    private static ParseResult ParseEnum(object? input, Type type)
    {
        var enumType = Nullable.GetUnderlyingType(type) ?? type;
        return EnumNames.TryParse(enumType, Text(input), out var value) ? new ParseResult(true, value) : new ParseResult(false, null);
    }

    private static ParseResult ParseTime(object? input, Type type) =>
        OffsetTimes.TryParse(Text(input), out var value) ? new ParseResult(true, value) : new ParseResult(false, null);

    private static string? Text(object? input) => input?.ToString();
}
