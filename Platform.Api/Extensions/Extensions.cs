using FastEndpoints;
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

        builder.Services.AddFastEndpoints();
        builder.Services.SwaggerDocument(document =>
        {
            document.ShortSchemaNames = true;
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
        app.UseFastEndpoints(config =>
        {
            config.Errors.UseProblemDetails();
            config.Endpoints.ShortNames = true;
        });
        app.UseOpenApi(settings => settings.Path = OpenApiRoute);
        app.MapScalarApiReference(options => options
            .WithTitle("Platform API")
            .WithOpenApiRoutePattern(OpenApiRoute));
    }
}
