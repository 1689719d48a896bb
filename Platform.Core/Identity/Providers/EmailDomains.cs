using System.Text.RegularExpressions;

namespace Platform.Core.Identity.Providers;

/// <summary>
/// Allowed e-mail domains of a tenant's provider: lowercase host names, compared exactly, so that
/// <c>sub.example.com</c> is not <c>example.com</c> (list it to allow it).
/// </summary>
public static partial class EmailDomains
{
    public const int MaxCount = 50;

    /// <returns>The domains trimmed, lowercased and without repeats; or null with <paramref name="problem"/>.</returns>
    public static string[]? Normalize(IEnumerable<string>? domains, out string? problem)
    {
        problem = null;
        var normalized = (domains ?? []).Select(domain => (domain ?? string.Empty).Trim().ToLowerInvariant())
            .Distinct(StringComparer.Ordinal).ToArray();
        if (normalized.Length > MaxCount)
        {
            problem = $"At most {MaxCount} domains.";
            return null;
        }

        if (normalized.FirstOrDefault(domain => !DomainName().IsMatch(domain)) is { } invalid)
        {
            problem = $"'{invalid}' is not a domain name (e.g. example.com).";
            return null;
        }

        return normalized;
    }

    /// <summary>True when no domain is listed, or the e-mail's domain is one of them exactly (case-insensitive).</summary>
    public static bool Allows(IReadOnlyCollection<string> allowed, string? email)
    {
        if (allowed.Count == 0)
        {
            return true;
        }

        var at = email?.LastIndexOf('@') ?? -1;
        if (email is null || at <= 0 || at == email.Length - 1)
        {
            return false;
        }

        try
        {
            return allowed.Contains(EmailAddress.Domain(email[(at + 1)..]), StringComparer.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex DomainName();
}
