using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Core.NetworkServer.Uplinks;

/// <summary>
/// Turns the serializer's complaint about valid JSON of the wrong shape into a rejection that names
/// the JSON path and the problem. The serializer's own message names .NET types, which mean nothing
/// to a tenant admin and leak the platform's internals.
/// </summary>
internal static partial class ShapeProblem
{
    public static UplinkParseResult Of(JsonException exception)
    {
        var path = exception.Path ?? "$";
        var message = exception.Message;

        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            // "…including: 'devEui', 'applicationId'." — the names are the JSON member names.
            var names = message[(message.IndexOf("including:", StringComparison.Ordinal) + 1)..];
            var members = QuotedName().Matches(names).Select(match => $"{path}.{match.Groups[1].Value}").ToList();
            return UplinkParseResult.Rejected(UplinkRejectionReason.MissingField,
                members.Count == 0 ? $"A member of {path} is missing." : $"{string.Join(", ", members)} {(members.Count == 1 ? "is" : "are")} missing.");
        }

        if (message.StartsWith(NetworkTime.Problem, StringComparison.Ordinal))
        {
            return UplinkParseResult.Rejected(UplinkRejectionReason.InvalidField, $"{path} {NetworkTime.Problem}.");
        }

        if (message.Contains("doesn't allow", StringComparison.Ordinal) && message.Contains("null", StringComparison.Ordinal))
        {
            return UplinkParseResult.Rejected(UplinkRejectionReason.InvalidField, $"{path} is null, where a value is required.");
        }

        if (message.StartsWith("Duplicate property", StringComparison.Ordinal))
        {
            var name = QuotedName().Match(message) is { Success: true } match ? $" '{match.Groups[1].Value}'" : "";
            return UplinkParseResult.Rejected(UplinkRejectionReason.InvalidField,
                $"{path} has the member{name} more than once (names match regardless of case).");
        }

        return UplinkParseResult.Rejected(UplinkRejectionReason.InvalidField,
            $"{path} is not of the type the format has there (a number given as a string is one), or out of its range.");
    }

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex QuotedName();
}
