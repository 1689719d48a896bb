namespace Platform.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class PlatformAppCollection : ICollectionFixture<PlatformAppFixture>
{
    public const string Name = "Platform app";
}
