using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Platform.ServiceDefaults.Redaction;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every platform service shares: OpenTelemetry over OTLP, health endpoints, resilient HTTP
/// clients with service discovery, and log redaction of classified values.
/// </summary>
public static class Extensions
{
    private const string HealthEndpointPath = "/health";
    private const string AlivenessEndpointPath = "/alive";

    /// <summary>Activity sources and meters of the platform's own code, exported with the framework's.</summary>
    public const string TelemetryPrefix = "Platform.";

    private const string UrlQueryTag = "url.query";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddLogRedaction();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        // Shorter than an orchestrator's grace period (DCP's ~10 s, Kubernetes' 30 s), so the
        // services stop on their own terms: nothing is lost by it, unfinished work is redelivered.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(8));

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        // Npgsql logs every command it runs at Information; the hot paths run thousands a minute,
        // and traces already show them. Its warnings and errors still come through.
        builder.Logging.AddFilter("Npgsql.Command", LogLevel.Warning);

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TelemetryPrefix + "*"))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(TelemetryPrefix + "*")
                .AddAspNetCoreInstrumentation(options =>
                {
                    // Probes would otherwise fill the dashboard with one trace every few seconds.
                    options.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                        && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath);
                    // The instrumentation only masks the query's values; its keys can be secrets too.
                    options.EnrichWithHttpRequest = (activity, request) =>
                    {
                        if (activity.GetTagItem(UrlQueryTag) is not null)
                        {
                            activity.SetTag(UrlQueryTag, RequestTarget.Redact(request.QueryString));
                        }
                    };
                })
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (ready: every registered check, dependencies included) and <c>/alive</c>
    /// (only the "live" checks) in every environment: Kubernetes probes need them in production too.
    /// Neither response carries more than the status, so nothing about the dependencies leaks.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpointPath).DisableHttpMetrics();
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("live"),
        }).DisableHttpMetrics();
        return app;
    }
}
