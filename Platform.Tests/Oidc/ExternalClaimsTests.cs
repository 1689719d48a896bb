using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Core.Identity.Oidc;
using Platform.Core.Identity.Providers;

namespace Platform.Tests.Oidc;

/// <summary>Who a validated token names (Entra: tid:oid of the configured directory), its e-mail, and which issuers the platform talks to.</summary>
public sealed class ExternalClaimsTests
{
    private const string Directory = "4a1f3c9e-8d2b-4f7a-9c1e-2b3d4e5f6a7b";

    private static readonly OidcProviderSettings Entra = new(Guid.NewGuid(), Guid.NewGuid(), IdentityProviderKind.EntraId,
        $"https://login.microsoftonline.com/{Directory}/v2.0", "client", null, "api://client", IdentityProviderState.Enabled, Directory);

    private static readonly OidcProviderSettings Plain = Entra with { Kind = IdentityProviderKind.Oidc, EntraDirectoryId = null };

    [Fact]
    public void EntraIdentitiesAreTidAndOidNeverSubOrEmail()
    {
        var token = Token(("sub", "pairwise-sub"), ("tid", Directory.ToUpperInvariant()), ("oid", "B1C2D3E4-0000-4000-8000-000000000001"),
            ("email", "someone@example.com"));

        Assert.Equal($"{Directory}:b1c2d3e4-0000-4000-8000-000000000001", ExternalClaims.Subject(token, Entra));
        Assert.Equal("pairwise-sub", ExternalClaims.Subject(token, Plain));
    }

    [Fact]
    public void AnEntraTokenOfAnotherDirectoryOrWithoutOidNamesNobody()
    {
        Assert.Null(ExternalClaims.Subject(Token(("tid", Guid.NewGuid().ToString()), ("oid", Guid.NewGuid().ToString())), Entra));
        Assert.Null(ExternalClaims.Subject(Token(("tid", Directory)), Entra));
        Assert.Null(ExternalClaims.Subject(Token(("oid", Guid.NewGuid().ToString())), Entra));
        Assert.Null(ExternalClaims.Subject(Token(("tid", Directory), ("oid", "x")), Entra with { EntraDirectoryId = null }));
    }

    [Fact]
    public void TheEmailFallsBackToPreferredUsernameThenUpn()
    {
        Assert.Equal("a@example.com", ExternalClaims.Email(Token(("email", "a@example.com"), ("preferred_username", "b@example.com"))));
        Assert.Equal("b@example.com", ExternalClaims.Email(Token(("preferred_username", "b@example.com"), ("upn", "c@example.com"))));
        Assert.Equal("c@example.com", ExternalClaims.Email(Token(("preferred_username", "not-an-address"), ("upn", "c@example.com"))));
        Assert.Null(ExternalClaims.Email(Token(("sub", "x"))));
    }

    [Fact]
    public void OnlyATrueEmailVerifiedCounts()
    {
        Assert.True(ExternalClaims.EmailVerified(new JsonWebToken(Encode("""{"email_verified":true}"""))));
        Assert.False(ExternalClaims.EmailVerified(new JsonWebToken(Encode("""{"email_verified":false}"""))));
        Assert.False(ExternalClaims.EmailVerified(Token(("sub", "x"))));
    }

    [Fact]
    public void ArrayClaimsGiveOneValuePerElementForMappingRules()
    {
        var claims = ExternalClaims.All(new JsonWebToken(Encode("""{"sub":"x","groups":["a","b"]}""")));

        Assert.Equal(["a", "b"], claims["groups"]);
        Assert.Equal(["x"], claims["sub"]);
    }

    [Fact]
    public void APkceChallengeIsTheS256OfTheVerifierAndStatesAreHashedApart()
    {
        // RFC 7636 appendix B.
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", OidcSignInAttempt.Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));

        var (first, firstState) = OidcSignInAttempt.Start(Guid.Empty, "https://app.example/cb", false, null, DateTimeOffset.UnixEpoch);
        var (second, secondState) = OidcSignInAttempt.Start(Guid.Empty, "https://app.example/cb", false, null, DateTimeOffset.UnixEpoch);
        Assert.NotEqual(firstState, secondState);
        Assert.NotEqual(first.CodeVerifier, second.CodeVerifier);
        Assert.NotEqual(first.Nonce, second.Nonce);
        Assert.Equal(OidcSignInAttempt.HashState(firstState), first.StateHash);
        Assert.False(first.IsExpired(DateTimeOffset.UnixEpoch + OidcSignInAttempt.Lifetime - TimeSpan.FromSeconds(1)));
        Assert.True(first.IsExpired(DateTimeOffset.UnixEpoch + OidcSignInAttempt.Lifetime));
        Assert.Throws<ArgumentException>(() => OidcSignInAttempt.Start(Guid.NewGuid(), "https://app.example/cb", true, null, DateTimeOffset.UnixEpoch));
    }

    private static JsonWebToken Token(params (string Type, string Value)[] claims) =>
        new(new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims.Select(claim => new Claim(claim.Type, claim.Value))),
        }));

    private static string Encode(string payload) =>
        $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{Base64UrlEncoder.Encode(payload)}.";
}
