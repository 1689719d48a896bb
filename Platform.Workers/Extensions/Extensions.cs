using Platform.Core.Messaging;
using Platform.Core.Persistence;
using Platform.Core.Decoders;
using Platform.Core.Decoding.JavaScript;
using Platform.Workers.Decoding;
using Platform.Workers.Redecode;
using Platform.Workers.Storage;

namespace Platform.Workers.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformDatabase();
        // The hot path writes with plain Npgsql (bulk arrays, one round trip per write), not EF.
        builder.AddPlatformDataSource();
        builder.AddEventBus();

        builder.Services.AddSingleton(new CompiledDecoders(DecoderLimits.Default));
        builder.Services.AddSingleton<DecoderCircuit>();
        builder.Services.AddSingleton<DecodingMetrics>();
        builder.Services.AddSingleton<DecoderRunner>();
        builder.Services.AddSingleton<DeviceDecoderAssignments>();
        builder.Services.AddSingleton<DecoderVersionBuilds>();
        builder.Services.AddSingleton<UplinkDecoding>();

        builder.Services.AddSingleton<StorageMetrics>();
        builder.Services.AddSingleton<MonthPartitions>();
        builder.Services.AddHostedService<MonthPartitionMaintenance>();
        builder.Services.AddSingleton<UplinkStoreWriter>();
        builder.Services.AddHostedService<UplinkStorageService>();
        builder.Services.AddHostedService<DeadLetterMonitor>();
        builder.Services.AddHealthChecks().AddCheck<DeadLetterHealthCheck>(DeadLetterHealthCheck.Name);

        builder.Services.AddSingleton<RedecodeChunks>();
        builder.Services.AddHostedService<RedecodeService>();
    }
}
