using System.Text.RegularExpressions;

namespace Platform.Tests.Infrastructure;

internal static partial class LogLevelPattern
{
    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    public static partial Regex AnsiEscape();

    [GeneratedRegex(@"\b(fail|crit): ")]
    public static partial Regex Error();
}
