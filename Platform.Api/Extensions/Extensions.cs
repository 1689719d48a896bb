using System.Text.Json.Serialization;
using FastEndpoints;
using Microsoft.AspNetCore.Authentication;
using Platform.Api.Authentication;
using Platform.Api.Features.Decoders;
using Platform.Api.Features.RejectedUplinks;
using Platform.Api.Features.Tokens;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Identity;
using Platform.Core.Identity.Oidc;
using Platform.Core.Identity.Mfa;
using Platform.Core.Ingestion;
using FastEndpoints.Swagger;
using Platform.Core.Messaging;
using Platform.Core.Persistence;
using Scalar.AspNetCore;

namespace Platform.Api.Extensions;

internal static class Extensions
{
    // API.md fixes the document's address; Scalar's default route pattern is the same.
    private const string OpenApiRoute = "/openapi/{documentName}.json";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformDatabase();
        builder.AddEventBus();
        builder.AddUplinkReplay();

        builder.Services.AddPlatformIdentity();
        builder.Services.AddPlatformOidc(builder.Configuration);
        builder.Services.AddMultiFactorAuthentication();
        builder.Services.AddScoped<CurrentPrincipal>();
        builder.Services.AddScoped<TenantAccessLoader>();
        builder.Services.AddScoped<TokenIssuance>();
        builder.Services.AddDecoders();
        builder.Services.AddAuthentication(PlatformTokenDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, PlatformTokenHandler>(PlatformTokenDefaults.Scheme, null);
        builder.Services.AddAuthorization();
        builder.Services.AddLoginRateLimit(builder.Configuration);

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        builder.Services.AddExceptionHandler<EventBusUnavailableExceptionHandler>();
        builder.Services.AddFastEndpoints();
        builder.Services.SwaggerDocument(document =>
        {
            // Full schema names: every use case has its own Request and Response.
            document.ShortSchemaNames = false;
            document.DocumentSettings = settings =>
            {
                settings.DocumentName = "v1";
                settings.Title = "Platform API";
                settings.Version = "v1";
            };
        });
    }

    /// <summary>
    /// What replaying a rejected uplink needs: the ingestion's admission, reading device routes
    /// straight from the database (no cache: a device registered a moment ago must count), and its
    /// publisher to the event bus.
    /// </summary>
    private static void AddUplinkReplay(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformDataSource();
        builder.Services.AddSingleton<DeviceRouteLookup>();
        builder.Services.AddSingleton<IDeviceRouteSource>(services => services.GetRequiredService<DeviceRouteLookup>());
        builder.Services.AddSingleton<UplinkAdmission>();
        builder.Services.AddSingleton<UplinkBatchPublisher>();
        builder.Services.AddScoped<UplinkReplay>();
        builder.Services.AddSingleton<DeadLetterRedrive>();
    }

    public static void UsePlatformApi(this WebApplication app)
    {
        // First, so that failures anywhere below answer with ProblemDetails (503 when the database is briefly away).
        app.UseExceptionHandler();
        app.UseAuthentication();
        app.UseAuthorization();
        // Before the tenant scope: a session that must enrol first gets the same answer on every route.
        app.UseMiddleware<MfaEnrolmentGate>();
        app.UseMiddleware<TenantScopeMiddleware>();
        app.UseRateLimiter();
        app.UseFastEndpoints(config =>
        {
            config.Errors.UseProblemDetails();
            // A misspelt or unexpected property is an error, not silently ignored input.
            config.Serializer.Options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            config.Serializer.Options.Converters.Add(new JsonStringEnumConverter());
        });
        app.UseOpenApi(settings => settings.Path = OpenApiRoute);
        app.MapScalarApiReference(options => options
            .WithTitle("Platform API")
            .WithOpenApiRoutePattern(OpenApiRoute));
    }
}
