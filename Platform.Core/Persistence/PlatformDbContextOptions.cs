using Microsoft.EntityFrameworkCore;

namespace Platform.Core.Persistence;

public static class PlatformDbContextOptions
{
    /// <summary>
    /// Options every host applies on top of its provider set-up, so the runtime model is the model
    /// the migrations were generated from (snake_case names, as SQL written by hand expects).
    /// </summary>
    public static TBuilder UsePlatformConventions<TBuilder>(this TBuilder options) where TBuilder : DbContextOptionsBuilder =>
        (TBuilder)options.UseSnakeCaseNamingConvention();
}
