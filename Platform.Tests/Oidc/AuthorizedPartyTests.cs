using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Core.Identity.Oidc;

namespace Platform.Tests.Oidc;

/// <summary>
/// Every combination of audience lists (ours alone, ours among others, in any position) and azp
/// values (absent, ours, another client's, empty, a different case, padded): accepted exactly when
/// OpenID Connect Core 3.1.3.7 says so.
/// </summary>
public sealed class AuthorizedPartyTests
{
    private static readonly string Client = "client-" + Guid.NewGuid().ToString("N")[..8];
    private static readonly string OtherClient = "client-" + Guid.NewGuid().ToString("N")[..8];

    private static readonly string[][] AudienceLists =
    [
        [Client],
        [Client, OtherClient],
        [OtherClient, Client],
        [Client, "urn:some:api", OtherClient],
        [Client, Client.ToUpperInvariant()],
    ];

    // null: no azp claim. (A non-string azp never gets here: the token does not parse, and is refused as malformed.)
    private static readonly string?[] AzpValues = [null, Client, OtherClient, "", Client.ToUpperInvariant(), " " + Client, Client + "/"];

    public static TheoryData<int, int> Combinations()
    {
        var data = new TheoryData<int, int>();
        for (var audiences = 0; audiences < AudienceLists.Length; audiences++)
        {
            for (var azp = 0; azp < AzpValues.Length; azp++)
            {
                data.Add(audiences, azp);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void AnIdTokenIsOursOnlyWhenItsAzpIsOurClientOrItHasOneAudienceAndNoAzp(int audienceList, int azpValue)
    {
        var audiences = AudienceLists[audienceList];
        var azp = AzpValues[azpValue];
        var expected = azp is null ? audiences.Length == 1 : azp == Client;

        var problem = AuthorizedParty.Problem(Token(audiences, azp), Client);

        Assert.Equal(expected, problem is null);
    }

    private static JsonWebToken Token(string[] audiences, string? azp)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "someone", ["aud"] = audiences.Length == 1 ? audiences[0] : audiences };
        if (azp is not null)
        {
            claims["azp"] = azp;
        }

        var raw = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://issuer.example",
            Claims = claims,
            Subject = new ClaimsIdentity(),
        });
        return new JsonWebToken(raw);
    }
}
