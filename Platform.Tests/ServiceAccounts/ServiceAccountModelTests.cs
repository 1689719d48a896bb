using Platform.Core.Identity;
using Platform.Core.Tenancy;

namespace Platform.Tests.ServiceAccounts;

/// <summary>The entity rules that keep a service account from ever becoming a person.</summary>
public sealed class ServiceAccountModelTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public void ANewServiceAccountIsAMemberOfItsTenantOnlyWithoutPasswordOrPlatformRole()
    {
        var tenant = Guid.NewGuid();

        var (user, account, membership) = ServiceAccount.Create(tenant, " ci ", "  builds  ", TenantRole.Member, Now);

        Assert.Equal(UserKind.ServiceAccount, user.Kind);
        Assert.Equal(user.Id, account.Id);
        Assert.Equal((tenant, user.Id, TenantRole.Member), (membership.TenantId, membership.UserId, membership.Role));
        Assert.Equal("ci", user.DisplayName);
        Assert.Equal("builds", account.Description);
        Assert.Null(user.PasswordHash);
        Assert.Equal(PlatformRole.None, user.PlatformRole);
        Assert.Equal(User.ServiceAccountEmail(user.Id), user.Email);
        Assert.True(User.IsServiceAccountEmail(user.Email));
    }

    [Fact]
    public void AServiceAccountTakesNeitherAPasswordNorAPlatformRole()
    {
        var (user, _, _) = ServiceAccount.Create(Guid.NewGuid(), "robot", null, TenantRole.Admin, Now);

        Assert.Throws<InvalidOperationException>(() => user.SetPasswordHash("AQAAAAIAAYagAAAAE..."));
        Assert.Throws<InvalidOperationException>(() => user.ChangePlatformRole(PlatformRole.Admin));
        Assert.Null(user.PasswordHash);
        Assert.Equal(PlatformRole.None, user.PlatformRole);
    }

    [Fact]
    public void NoPersonMayHaveAnAddressOfTheServiceAccountsDomain()
    {
        Assert.Throws<ArgumentException>(() =>
            new User($"someone@{User.ServiceAccountEmailDomain.ToUpperInvariant()}", "Someone", PlatformRole.None, Now));
        Assert.Equal(UserKind.Person, new User("someone@example.com", "Someone", PlatformRole.None, Now).Kind);
    }

    [Fact]
    public void ADescriptionHasALimitAndAServiceAccountATenant()
    {
        Assert.Throws<ArgumentException>(() =>
            ServiceAccount.Create(Guid.NewGuid(), "robot", new string('x', ServiceAccount.MaxDescriptionLength + 1), TenantRole.Viewer, Now));
        Assert.Throws<ArgumentException>(() => ServiceAccount.Create(Guid.Empty, "robot", null, TenantRole.Viewer, Now));
    }
}
