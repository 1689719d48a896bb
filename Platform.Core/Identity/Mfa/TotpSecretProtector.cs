using System.Buffers.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Platform.Core.Identity.Mfa;

/// <summary>
/// Encrypts TOTP secrets with ASP.NET Core Data Protection. The key ring lives in PostgreSQL
/// (<see cref="MfaExtensions.AddMultiFactorAuthentication"/>), so every API instance reads what
/// another wrote, and restarts keep the secrets readable.
/// </summary>
public sealed class TotpSecretProtector(IDataProtectionProvider provider)
{
    // A purpose of its own: nothing else the key ring protects can be passed off as a TOTP secret.
    private readonly IDataProtector _protector = provider.CreateProtector("Platform.Identity.Mfa.TotpSecret.v1");

    public string Protect(byte[] secret) => Base64Url.EncodeToString(_protector.Protect(secret));

    public byte[] Unprotect(string protectedSecret) => _protector.Unprotect(Base64Url.DecodeFromChars(protectedSecret));
}
