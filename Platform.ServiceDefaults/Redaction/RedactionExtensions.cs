using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Redaction;

public static class RedactionExtensions
{
    /// <summary>
    /// Every value that carries a data classification (Platform.Core's taxonomy: secret, personal)
    /// is masked before any logging sink sees it. The fallback redactor is used so that this project
    /// needs no reference to the taxonomy: whatever is classified is masked.
    /// </summary>
    public static TBuilder AddLogRedaction<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.EnableRedaction();
        builder.Services.AddRedaction(redaction => redaction.SetFallbackRedactor<MaskingRedactor>());
        builder.AddRequestLoggingWithoutQuery();
        return builder;
    }

    /// <summary>
    /// ASP.NET Core's hosting log writes every request's full URL, query string included, at
    /// Information ("Request starting … /api/me?access_token=…"): it is silenced, and every service
    /// logs its requests with the path only. HttpClient's own logs already redact the query (.NET 9+).
    /// </summary>
    public static TBuilder AddRequestLoggingWithoutQuery<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddFilter(HostingDiagnosticsCategory, LogLevel.Warning);
        builder.Services.AddTransient<IStartupFilter, RequestLoggingStartupFilter>();
        return builder;
    }

    /// <summary>The category of ASP.NET Core's "Request starting/finished" lines, which carry the full URL.</summary>
    public const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";
}
