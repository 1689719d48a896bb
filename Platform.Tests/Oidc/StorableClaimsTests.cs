using Platform.Core.Identity.Oidc;

namespace Platform.Tests.Oidc;

public sealed class StorableClaimsTests
{
    public static TheoryData<string, bool> Texts() => new()
    {
        { "plain", true },
        { "emoji \U0001F600 pair", true },
        { "nul\0inside", false },
        { "lone high \uD800 surrogate", false },
        { "lone low \uDC00 surrogate", false },
        { "reversed \uDC00\uD800 pair", false },
        { "ends with half \uD83D", false },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void OnlyTextPostgreSqlCanHoldIsStorable(string value, bool storable) => Assert.Equal(storable, StorableClaims.IsText(value));

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(255, true)]
    [InlineData(256, false)]
    public void AValueFitsUpToItsLimit(int length, bool fits) => Assert.Equal(fits, StorableClaims.Fits(new string('x', length), 255));
}
