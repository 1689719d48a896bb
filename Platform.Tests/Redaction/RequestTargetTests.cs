using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults.Redaction;

namespace Platform.Tests.Redaction;

public sealed class RequestTargetTests
{
    public static TheoryData<string> Queries()
    {
        var secret = "pls_" + Guid.NewGuid().ToString("N");
        return new TheoryData<string>($"?access_token={secret}", $"?{secret}", $"?a=1&b={secret}", $"?{secret}=1", $"?x={Uri.EscapeDataString("ä " + secret)}");
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void ATargetKeepsThePathAndMasksTheWholeQuery(string query)
    {
        var target = RequestTarget.Describe(new PathString("/base"), new PathString("/api/me"), new QueryString(query));

        Assert.Equal("/base/api/me" + RequestTarget.RedactedQuery, target);
    }

    [Fact]
    public void ATargetWithoutAQueryIsItsPath() =>
        Assert.Equal("/api/me", RequestTarget.Describe(PathString.Empty, new PathString("/api/me"), QueryString.Empty));
}
