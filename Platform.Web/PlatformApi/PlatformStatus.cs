namespace Platform.Web.PlatformApi;

/// <summary>The body of <c>GET /api/status</c>.</summary>
public sealed record PlatformStatus(string? Version, string Status, IReadOnlyList<PlatformDependencyStatus> Dependencies);

public sealed record PlatformDependencyStatus(string Name, string Status);
