using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Core.Identity.Oidc;

/// <summary>
/// One started sign-in: what the callback needs to finish it (PKCE verifier, nonce, redirect URI),
/// kept server-side so the browser carries nothing but the state. Found by the state's SHA-256 hash,
/// used once (deleted as it is read), valid for 10 minutes.
/// </summary>
/// <remarks>
/// The verifier is stored as is because the token request needs it; on its own it is worth nothing
/// (the code goes only to the registered redirect URI and dies with the attempt).
/// </remarks>
public sealed class OidcSignInAttempt
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private OidcSignInAttempt()
    {
        StateHash = [];
        RedirectUri = string.Empty;
        CodeVerifier = string.Empty;
        Nonce = string.Empty;
    }

    private OidcSignInAttempt(byte[] stateHash, Guid providerId, string redirectUri, string codeVerifier, string nonce,
        bool isTest, Guid? initiatedByUserId, DateTimeOffset now)
    {
        StateHash = stateHash;
        ProviderId = providerId;
        RedirectUri = redirectUri;
        CodeVerifier = codeVerifier;
        Nonce = nonce;
        IsTest = isTest;
        InitiatedByUserId = initiatedByUserId;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public byte[] StateHash { get; private set; }

    public Guid ProviderId { get; private set; }

    public string RedirectUri { get; private set; }

    public string CodeVerifier { get; private set; }

    public string Nonce { get; private set; }

    /// <summary>A tenant admin's test of a provider that nobody may use yet: it opens no session.</summary>
    public bool IsTest { get; private set; }

    /// <summary>For a test: the admin who started it and alone may finish it.</summary>
    public Guid? InitiatedByUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>A new attempt and the state to send along (the only copy of it; the row keeps its hash).</summary>
    public static (OidcSignInAttempt Attempt, string State) Start(Guid providerId, string redirectUri, bool isTest,
        Guid? initiatedByUserId, DateTimeOffset now)
    {
        if (isTest && initiatedByUserId is null)
        {
            throw new ArgumentException("A test sign-in is started by a signed-in admin.", nameof(initiatedByUserId));
        }

        var state = RandomText();
        return (new OidcSignInAttempt(HashState(state), providerId, redirectUri, RandomText(), RandomText(), isTest,
            initiatedByUserId, now), state);
    }

    /// <summary>The PKCE S256 challenge of <see cref="CodeVerifier"/> (RFC 7636 4.2).</summary>
    public string CodeChallenge => Challenge(CodeVerifier);

    public static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public static byte[] HashState(string state) => SHA256.HashData(Encoding.UTF8.GetBytes(state));

    // 256 bits, base64url: 43 characters, within PKCE's verifier alphabet and length.
    private static string RandomText() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
}
