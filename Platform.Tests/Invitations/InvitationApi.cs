using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Invitations;

/// <summary>
/// Invitations as their users meet them: an admin invites over the API, the person reads the mail in
/// the stack's MailDev and uses the link's secret (from the URL fragment) at the anonymous routes.
/// </summary>
public sealed class InvitationApi(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public PlatformAppFixture Stack => fixture;

    public static string NewAddress(string label = "invited") => $"{label}-{Guid.NewGuid():N}@example.com";

    /// <returns>The answer, and its body.</returns>
    public static async Task<(HttpStatusCode Status, JsonObject Body)> InviteAsync(HttpClient admin, Guid tenant, string email, string role,
        string? displayName = null)
    {
        using var response = await admin.PostAsJsonAsync($"/api/tenants/{tenant}/members", new { email, role, displayName }, Ct);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!);
    }

    /// <summary>The newest mail to the address (not one of <paramref name="seen"/>), and the secret its link carries in the fragment.</summary>
    public async Task<(ReceivedEmail Mail, string Token)> ReadInvitationAsync(string email, IReadOnlyCollection<string>? seen = null)
    {
        var mail = await fixture.MailInbox.WaitForMessageToAsync(email, Ct, except: seen);
        return (mail, TokenOf(mail));
    }

    public static string TokenOf(ReceivedEmail mail)
    {
        var link = new Uri(mail.FirstLink ?? throw new InvalidOperationException("The invitation mail has no link."));
        Assert.StartsWith("#token=", link.Fragment, StringComparison.Ordinal);
        Assert.Empty(link.Query);
        return Uri.UnescapeDataString(link.Fragment["#token=".Length..]);
    }

    public async Task<(HttpStatusCode Status, JsonObject Body)> PreviewAsync(string token)
    {
        using var response = await fixture.CreateApiClient().PostAsJsonAsync("/api/invitations/preview", new { token }, Ct);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!);
    }

    public async Task<(HttpStatusCode Status, JsonObject Body)> AcceptAsync(string token, string? password = null, string? displayName = null)
    {
        using var response = await fixture.CreateApiClient().PostAsJsonAsync("/api/invitations/accept", new { token, password, displayName }, Ct);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!);
    }

    public async Task<HttpStatusCode> LoginStatusAsync(string email, string password)
    {
        using var response = await fixture.CreateApiClient().PostAsJsonAsync("/api/auth/login", new { email, password }, Ct);
        return response.StatusCode;
    }

    public static string NewPassword() => "pw-" + Guid.NewGuid().ToString("N");
}
