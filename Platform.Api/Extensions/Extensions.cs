using System.Text.Json.Serialization;
using FastEndpoints;
using Microsoft.AspNetCore.Authentication;
using Platform.Api.Authentication;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Identity;
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

        builder.Services.AddPlatformIdentity();
        builder.Services.AddScoped<CurrentPrincipal>();
        builder.Services.AddScoped<TenantAccessLoader>();
        builder.Services.AddAuthentication(PlatformTokenDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, PlatformTokenHandler>(PlatformTokenDefaults.Scheme, null);
        builder.Services.AddAuthorization();
        builder.Services.AddLoginRateLimit(builder.Configuration);

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

    public static void UsePlatformApi(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
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
