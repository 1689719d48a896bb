using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Platform.Core.Identity;

/// <summary>
/// ASP.NET Core Identity's PasswordHasher: PBKDF2-HMAC-SHA512, with OWASP's 210,000 iterations.
/// Hashes made with fewer iterations verify as "rehash needed" and are upgraded at the next login.
/// </summary>
public sealed class PasswordHashing
{
    public const int Iterations = 210_000;

    private readonly PasswordHasher<User> _hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = Iterations,
    }));

    // Verified against when the e-mail is unknown, so both answers cost the same time.
    private readonly Lazy<string> _decoy;

    public PasswordHashing() => _decoy = new Lazy<string>(() => Hash(Guid.NewGuid().ToString()));

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public PasswordVerificationResult Verify(string passwordHash, string password) =>
        _hasher.VerifyHashedPassword(null!, passwordHash, password);

    public void VerifyDecoy(string password) => _hasher.VerifyHashedPassword(null!, _decoy.Value, password);
}
