using Platform.Web.PlatformApi;

namespace Platform.Web.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();

        // "https+http": HTTPS when platform-api offers it, else HTTP; resolved by service discovery
        // from the AppHost's reference (services__platform-api__http__0) or, in Kubernetes, DNS.
        builder.Services.AddHttpClient<PlatformApiClient>(client => client.BaseAddress = new Uri("https+http://platform-api"));
    }
}
