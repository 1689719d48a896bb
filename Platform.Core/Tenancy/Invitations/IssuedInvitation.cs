using Platform.Core.Identity;

namespace Platform.Core.Tenancy.Invitations;

/// <summary>An invitation just written, with the secret its e-mail is to carry (nowhere else).</summary>
public sealed record IssuedInvitation(Invitation Invitation, OpaqueToken Token);
