using Platform.Core.Audit;
using Platform.Core.Identity;

namespace Platform.Core.UseCases;

/// <summary>
/// Who acts in a use case, as far as its rules need to know: the audit actor, the platform role, whether
/// the credential is delegated (an API token or a provider's access token, which never grant beyond
/// themselves) and the client address for the audit record.
/// </summary>
public sealed record Actor(AuditActor Audit, Guid UserId, PlatformRole PlatformRole, bool IsDelegatedCredential, string? ClientAddress);
