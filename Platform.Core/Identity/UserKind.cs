namespace Platform.Core.Identity;

/// <summary>What a <see cref="User"/> row stands for. Authorization treats both alike; authentication does not.</summary>
public enum UserKind
{
    /// <summary>A person: signs in with a password or through SSO.</summary>
    Person = 0,

    /// <summary>
    /// A tenant-owned principal (<see cref="ServiceAccount"/>): no password, no interactive login, a
    /// member of its own tenant only; it acts only through API tokens.
    /// </summary>
    ServiceAccount = 1,
}
