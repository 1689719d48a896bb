using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Tests.Infrastructure;

/// <summary>A PKCE pair (RFC 7636, S256) made fresh for one authorization request.</summary>
public sealed record OidcPkce(string Verifier, string Challenge)
{
    public static OidcPkce Create()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return new OidcPkce(verifier, challenge);
    }
}
