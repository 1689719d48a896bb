using Platform.Core.Identity;
using Platform.Core.Identity.Oidc;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Oidc;

/// <summary>A user of the platform realm whose subject, e-mail or name sits at, over or beside what its column holds.</summary>
public sealed record ClaimLimitCase(string Description, OidcUserSpec User, bool Storable);

/// <summary>
/// For each value a sign-in stores from the ID token (subject, e-mail, display name): one at its
/// column's limit, one and many over it, and ones no length fixes (NUL; half a surrogate pair does
/// not survive the provider's JSON, see StorableClaimsTests).
/// Every user signs in with its own generated login; the values under test are its claims.
/// </summary>
internal static class ClaimLimitCases
{
    public static IReadOnlyList<ClaimLimitCase> For(string run)
    {
        var cases = new List<ClaimLimitCase>();

        string Login(int index) => $"limit{index}-{run}@example.com";

        void Add(string description, bool storable, string? sub = null, string? email = null, string? name = null)
        {
            var index = cases.Count;
            var claims = new Dictionary<string, object?>();
            if (email is not null)
            {
                claims["email"] = email;
            }

            cases.Add(new ClaimLimitCase(description,
                new OidcUserSpec(sub ?? $"limit{index}-{run}", Login(index), name, Claims: claims), storable));
        }

        string Padded(string prefix, int length, string suffix = "") => prefix + new string('x', length - prefix.Length - suffix.Length) + suffix;

        string Address(int length) => Padded($"limit{cases.Count}-{run}-", length, "@example.com");

        foreach (var length in new[] { ExternalIdentity.MaxSubjectLength, ExternalIdentity.MaxSubjectLength + 1, 300, 2000 })
        {
            Add($"a subject of {length} characters", length <= ExternalIdentity.MaxSubjectLength, sub: Padded($"limit{cases.Count}-{run}-", length));
        }

        foreach (var length in new[] { User.MaxEmailLength, User.MaxEmailLength + 1, 300 })
        {
            Add($"an e-mail of {length} characters", length <= User.MaxEmailLength, email: Address(length));
        }

        foreach (var length in new[] { User.MaxDisplayNameLength, User.MaxDisplayNameLength + 1, 300 })
        {
            // Over-long names are shortened for display, not refused.
            Add($"a name of {length} characters", true, name: Padded("Name ", length));
        }

        // The limit falls between the halves of a surrogate pair.
        Add("a long name with an emoji across its limit", true, name: Padded("Name ", User.MaxDisplayNameLength - 1) + "\U0001F600" + "tail");
        Add("a subject with NUL", false, sub: $"limit{cases.Count}-{run}\0x");
        Add("an e-mail with NUL", false, email: $"limit{cases.Count}-{run}\0x@example.com");
        Add("a name with NUL", false, name: "Name\0Tail");
        return cases;
    }
}
