using System.Net;
using System.Net.Http.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Identity;

[Collection(PlatformAppCollection.Name)]
public sealed class LoginRateLimitTests(PlatformAppFixture fixture)
{
    [Fact]
    public async Task OneAddressIsLimitedOnTheLoginEndpointAndToldWhenToRetry()
    {
        using var http = fixture.CreateApiClient(new IPAddress([127, 0, 99, (byte)Random.Shared.Next(1, 255)]));
        using var otherAddress = fixture.CreateApiClient();
        var attempt = new { email = $"spray-{Guid.NewGuid():N}@example.com", password = "not-the-password-1" };

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 30 && limited is null; i++)
        {
            var response = await http.PostAsJsonAsync("/api/auth/login", attempt, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        using var fromElsewhere = await otherAddress.PostAsJsonAsync("/api/auth/login", attempt, TestContext.Current.CancellationToken);

        Assert.NotNull(limited);
        Assert.All(statuses.SkipLast(1), status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, fromElsewhere.StatusCode);
        limited.Dispose();
    }
}
