namespace Platform.Api.Features.Auth.OidcCallback;

/// <summary>
/// The outcome of a tenant admin's test sign-in: nobody was signed in; the provider is now tested.
/// </summary>
/// <param name="WouldBeAllowed">Whether this person would be let in once the provider is enabled.</param>
/// <param name="Role">The tenant role they would get (JIT or mapping), when they would be let in.</param>
public sealed record TestResponse(Guid ProviderId, bool Tested, string Subject, string? Email, bool WouldBeAllowed, string? Reason, string? Role);
