using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Core.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without a startup project. The connection
/// string is never opened while adding a migration, so it holds no credentials.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PlatformDbContext>()
            .UseNpgsql("Host=localhost;Database=platformdb")
            .UsePlatformConventions()
            .Options, new Tenancy.DataScope());
}
