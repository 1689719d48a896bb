namespace Platform.Tests.Infrastructure;

/// <summary>
/// A stack of its own for tests that restart its services, so that no other test runs against a
/// database or broker that is just then going down.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RestartsAppCollection : ICollectionFixture<PlatformAppFixture>
{
    public const string Name = "Platform app with restarts";
}
