using System.Net;
using Microsoft.Playwright;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;
using Platform.Tests.Infrastructure.Browser;
using Platform.Tests.Members;

namespace Platform.Tests.Invitations;

/// <summary>
/// The invitation journey as people live it, on the whole stack: an admin invites over the API, the mail
/// arrives in MailDev, the person opens its link in Chromium, chooses a password on the web app's page
/// and signs in. And the defect it closes: an address squatted in one tenant, invited by another, ends
/// up with the mailbox's owner.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class InvitationBrowserJourneyTests(PlatformAppFixture fixture, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private readonly TestTenantSeeder _seeder = new(fixture);
    private readonly InvitationApi _api = new(fixture);

    [Fact]
    public async Task InviteMailLinkPasswordSignIn()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder, "Browser Journey");
        var email = InvitationApi.NewAddress("browser");
        var password = InvitationApi.NewPassword();
        await InvitationApi.InviteAsync(tenant.AdminHttp, tenant.TenantId, email, "Member", "Browser Person");
        var (mail, token) = await _api.ReadInvitationAsync(email);

        await using var tab = await chromium.NewTabAsync();
        var page = tab.Page;
        await page.GotoAsync(mail.FirstLink!);
        await Assertions.Expect(page.GetByTestId("tenant-name")).ToHaveTextAsync("Browser Journey");
        await Assertions.Expect(page.GetByTestId("role")).ToHaveTextAsync("Member");
        await page.Locator("input[name='Accept.Password']").FillAsync(password);
        await page.Locator("input[name='Accept.RepeatPassword']").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("accepted")).ToBeVisibleAsync();

        // The secret left the address bar, travelled in no URL and reached no log.
        Assert.DoesNotContain("token", page.Url, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(tab.RequestedUrls, url => url.Contains(token[4..20], StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Logs, entry => entry.Line.Content.Contains(token, StringComparison.Ordinal));
        Assert.Empty(tab.ScriptErrors);
        Assert.Equal(HttpStatusCode.OK, await _api.LoginStatusAsync(email, password));
    }

    [Fact]
    public async Task ASquattedAddressInvitedByASecondTenantGoesToTheMailboxOwner()
    {
        // The squat: an account another tenant's admin made for the address, with their own password.
        var squatterTenant = await TenantAdminScenario.CreateAsync(_seeder);
        var squatted = await _seeder.CreateUserAsync(squatterTenant.TenantId, TenantRole.Admin);
        var victim = await TenantAdminScenario.CreateAsync(_seeder, "Victim Corp");
        var ownersPassword = InvitationApi.NewPassword();
        await InvitationApi.InviteAsync(victim.AdminHttp, victim.TenantId, squatted.Email, "Admin");
        var (mail, _) = await _api.ReadInvitationAsync(squatted.Email);

        await using var tab = await chromium.NewTabAsync();
        var page = tab.Page;
        await page.GotoAsync(mail.FirstLink!);
        await Assertions.Expect(page.GetByTestId("reclaim-explanation")).ToBeVisibleAsync();
        await page.Locator("input[name='Accept.Password']").FillAsync(ownersPassword);
        await page.Locator("input[name='Accept.RepeatPassword']").FillAsync(ownersPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set my password and accept" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("accepted")).ToBeVisibleAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, await _api.LoginStatusAsync(squatted.Email, TestTenantSeeder.Password));
        Assert.Equal(HttpStatusCode.OK, await _api.LoginStatusAsync(squatted.Email, ownersPassword));
    }
}
