namespace Platform.Core.Identity;

/// <summary>DECISIONS.md: 12 to 128 characters, not the e-mail address, not a tenant's name.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    /// <returns>Why the password is refused, or null when it is acceptable.</returns>
    public static string? Check(string password, string email, IEnumerable<string> tenantNames)
    {
        if (password.Length < MinLength || password.Length > MaxLength)
        {
            return $"A password is {MinLength} to {MaxLength} characters.";
        }

        if (string.Equals(password.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return "A password cannot be the e-mail address.";
        }

        return tenantNames.Any(name => string.Equals(password.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            ? "A password cannot be the name of a tenant."
            : null;
    }
}
