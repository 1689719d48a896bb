using Platform.Core.Messaging;
using Platform.Core.Persistence;

namespace Platform.Workers.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformDatabase();
        builder.AddEventBus();
    }
}
