namespace Platform.Api.Features.Status.GetStatus;

/// <param name="Version">The API's build version: for platform admins only, null for anyone else.</param>
/// <param name="Status">Healthy when every dependency is, otherwise the worst dependency status.</param>
/// <param name="Dependencies">Each dependency's health by name, without details: anyone may read this.</param>
public sealed record Response(string? Version, string Status, IReadOnlyList<DependencyStatus> Dependencies);

public sealed record DependencyStatus(string Name, string Status);
