using Platform.Core.Identity;

namespace Platform.Core.Tenancy.Invitations;

/// <summary>
/// An offer of membership in a tenant with a role, sent to an e-mail address. The link's secret is an
/// <see cref="OpaqueToken"/> of which only the hash is kept; it works once, until it expires, and only
/// for whoever reads that mailbox. The membership is created when the invitation is accepted, so that
/// nobody is a member of anything on an admin's word about an address alone.
/// </summary>
public sealed class Invitation : ITenantOwned
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private Invitation()
    {
        Email = string.Empty;
        TokenId = string.Empty;
        TokenHash = [];
    }

    private Invitation(Guid tenantId, string email, string? displayName, TenantRole role, Guid? invitedByUserId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        TenantId = tenantId;
        Email = User.NormalizeEmail(email);
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
        Role = Enum.IsDefined(role) ? role : throw new ArgumentOutOfRangeException(nameof(role));
        InvitedByUserId = invitedByUserId;
        CreatedAt = now;
        Status = InvitationStatus.Open;
        TokenId = string.Empty;
        TokenHash = [];
    }

    /// <returns>The invitation and its link's secret, which exists only in the e-mail from now on.</returns>
    public static (Invitation Invitation, OpaqueToken Token) Create(Guid tenantId, string email, string? displayName, TenantRole role,
        Guid? invitedByUserId, DateTimeOffset now)
    {
        var invitation = new Invitation(tenantId, email, displayName, role, invitedByUserId, now);
        return (invitation, invitation.Renew(now));
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>Normalized as accounts' addresses are (<see cref="User.NormalizeEmail"/>).</summary>
    public string Email { get; private set; }

    /// <summary>The name the admin suggested for a new account; the person may choose another.</summary>
    public string? DisplayName { get; private set; }

    public TenantRole Role { get; private set; }

    public Guid? InvitedByUserId { get; private set; }

    /// <summary>The current link's id part: finds the row. A resend replaces it.</summary>
    public string TokenId { get; private set; }

    public byte[] TokenHash { get; private set; }

    public InvitationStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public int SendCount { get; private set; }

    public DateTimeOffset? LastSentAt { get; private set; }

    /// <summary>Why the last e-mail did not reach the mail server (<c>unreachable</c>, <c>refused</c>, …), or null.</summary>
    public string? DeliveryFailure { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public Guid? AcceptedUserId { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public InvitationState StateAt(DateTimeOffset now) => Status switch
    {
        InvitationStatus.Accepted => InvitationState.Accepted,
        InvitationStatus.Revoked => InvitationState.Revoked,
        InvitationStatus.Open when now < ExpiresAt => InvitationState.Sent,
        _ => InvitationState.Expired,
    };

    public bool IsUsable(DateTimeOffset now) => StateAt(now) == InvitationState.Sent;

    /// <summary>A new secret and a new expiry (the old link stops working): for a first send and for a resend.</summary>
    public OpaqueToken Renew(DateTimeOffset now)
    {
        RequireOpen();
        var token = OpaqueToken.Create(OpaqueToken.InvitationPrefix);
        TokenId = token.Id;
        TokenHash = token.Hash();
        ExpiresAt = now + Lifetime;
        return token;
    }

    public void RecordDelivery(DateTimeOffset now, string? failure)
    {
        SendCount++;
        LastSentAt = now;
        DeliveryFailure = failure;
    }

    public void Accept(Guid userId, DateTimeOffset now)
    {
        RequireOpen();
        Status = InvitationStatus.Accepted;
        AcceptedAt = now;
        AcceptedUserId = userId;
    }

    public void Revoke(DateTimeOffset now)
    {
        RequireOpen();
        Status = InvitationStatus.Revoked;
        RevokedAt = now;
    }

    /// <summary>An expired invitation gives way to a new one to the same address.</summary>
    public void Supersede(DateTimeOffset now)
    {
        if (IsUsable(now))
        {
            throw new InvalidOperationException("An invitation that still works is resent or revoked, not replaced.");
        }

        RequireOpen();
        Status = InvitationStatus.Expired;
    }

    private void RequireOpen()
    {
        if (Status != InvitationStatus.Open)
        {
            throw new InvalidOperationException($"The invitation is {Status.ToString().ToLowerInvariant()}.");
        }
    }
}
