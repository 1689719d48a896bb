using Platform.Core.Messaging;
using Platform.Core.Persistence;
using Platform.Workers.Storage;

namespace Platform.Workers.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformDatabase();
        // The hot path writes with plain Npgsql (bulk arrays, one round trip per write), not EF.
        builder.AddNpgsqlDataSource(PersistenceExtensions.ConnectionName, settings => settings.DisableHealthChecks = true);
        builder.AddEventBus();

        builder.Services.AddSingleton<StorageMetrics>();
        builder.Services.AddSingleton<MonthPartitions>();
        builder.Services.AddSingleton<UplinkStoreWriter>();
        builder.Services.AddHostedService<UplinkStorageService>();
    }
}
