using Microsoft.Extensions.Time.Testing;
using Platform.Core.Identity;
using Platform.Core.Tenancy;
using Platform.Core.Tenancy.Invitations;

namespace Platform.Tests.Invitations;

/// <summary>The invitation's own rules, on a controllable clock: its states at every boundary of its lifetime, and what each state allows.</summary>
public sealed class InvitationLifecycleTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 31, 23, 59, 59, TimeSpan.Zero);

    /// <summary>Moments around the expiry (which crosses a month and a year): just before it still works, from it on not.</summary>
    public static TheoryData<TimeSpan, InvitationState> Moments() => new()
    {
        { TimeSpan.Zero, InvitationState.Sent },
        { Invitation.Lifetime - TimeSpan.FromTicks(1), InvitationState.Sent },
        { Invitation.Lifetime, InvitationState.Expired },
        { Invitation.Lifetime + TimeSpan.FromTicks(1), InvitationState.Expired },
        { TimeSpan.FromDays(365), InvitationState.Expired },
    };

    [Theory]
    [MemberData(nameof(Moments))]
    public void AnInvitationWorksUntilItsExpiryAndNotFromIt(TimeSpan after, InvitationState expected)
    {
        var clock = new FakeTimeProvider(Start);
        var (invitation, token) = Invitation.Create(Guid.NewGuid(), "Person@Example.com", null, TenantRole.Member, null, clock.GetUtcNow());
        clock.Advance(after);

        Assert.Equal(expected, invitation.StateAt(clock.GetUtcNow()));
        Assert.Equal(expected == InvitationState.Sent, invitation.IsUsable(clock.GetUtcNow()));
        Assert.Equal("person@example.com", invitation.Email);
        Assert.True(token.Matches(invitation.TokenHash));
        Assert.Equal(token.Id, invitation.TokenId);
    }

    [Fact]
    public void ARenewalReplacesTheSecretAndStartsTheLifetimeAgain()
    {
        var clock = new FakeTimeProvider(Start);
        var (invitation, first) = Invitation.Create(Guid.NewGuid(), "p@example.com", null, TenantRole.Viewer, null, clock.GetUtcNow());
        clock.Advance(Invitation.Lifetime + TimeSpan.FromDays(1));

        var second = invitation.Renew(clock.GetUtcNow());

        Assert.False(first.Matches(invitation.TokenHash));
        Assert.True(second.Matches(invitation.TokenHash));
        Assert.Equal(InvitationState.Sent, invitation.StateAt(clock.GetUtcNow()));
        Assert.Equal(clock.GetUtcNow() + Invitation.Lifetime, invitation.ExpiresAt);
    }

    public static TheoryData<string> Closings() => new() { "accept", "revoke" };

    [Theory]
    [MemberData(nameof(Closings))]
    public void AClosedInvitationCannotBeRenewedAcceptedRevokedOrReplaced(string closing)
    {
        var now = Start;
        var (invitation, _) = Invitation.Create(Guid.NewGuid(), "p@example.com", null, TenantRole.Admin, null, now);
        if (closing == "accept")
        {
            invitation.Accept(Guid.NewGuid(), now);
        }
        else
        {
            invitation.Revoke(now);
        }

        Assert.Equal(closing == "accept" ? InvitationState.Accepted : InvitationState.Revoked, invitation.StateAt(now + TimeSpan.FromDays(30)));
        Assert.Throws<InvalidOperationException>(() => invitation.Renew(now));
        Assert.Throws<InvalidOperationException>(() => invitation.Accept(Guid.NewGuid(), now));
        Assert.Throws<InvalidOperationException>(() => invitation.Revoke(now));
        Assert.Throws<InvalidOperationException>(() => invitation.Supersede(now + Invitation.Lifetime));
    }

    [Fact]
    public void OnlyAnExpiredInvitationGivesWayToANewOne()
    {
        var (invitation, _) = Invitation.Create(Guid.NewGuid(), "p@example.com", null, TenantRole.Member, null, Start);

        Assert.Throws<InvalidOperationException>(() => invitation.Supersede(Start + Invitation.Lifetime - TimeSpan.FromTicks(1)));
        invitation.Supersede(Start + Invitation.Lifetime);
        Assert.Equal(InvitationState.Expired, invitation.StateAt(Start));
    }

    [Fact]
    public void OnlyAnUnverifiedAccountIsReclaimedAndReclaimingVerifiesIt()
    {
        var user = new User("owner@example.com", "Owner", PlatformRole.None, Start);
        Assert.False(user.IsEmailVerified);

        user.Reclaim("hash", Start);

        Assert.True(user.IsEmailVerified);
        Assert.Equal("hash", user.PasswordHash);
        Assert.Throws<InvalidOperationException>(() => user.Reclaim("other", Start));
        Assert.Throws<InvalidOperationException>(() => User.CreateServiceAccount("robot", Start).MarkEmailVerified(Start));
    }
}
