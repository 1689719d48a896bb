using System.Text.Json.Serialization;
using FastEndpoints;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Platform.Api.Authentication;
using Platform.Api.Features.Decoders;
using Platform.Api.Features.RejectedUplinks;
using Platform.Api.Features.Tokens;
using Platform.Api.Problems;
using Platform.Api.Requests;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Email;
using Platform.Core.Identity;
using Platform.Core.Identity.Oidc;
using Platform.Core.Identity.Mfa;
using Platform.Core.Ingestion;
using FastEndpoints.Swagger;
using Platform.Core.Messaging;
using Platform.Core.Persistence;
using Platform.Core.Tenancy.Invitations;
using Platform.Core.Tenancy.Members;
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
        // Invitations go out by e-mail: the "smtp" connection string and Platform:Email.
        builder.AddEmail();

        builder.Services.AddPlatformIdentity();
        builder.Services.AddPlatformOidc(builder.Configuration);
        builder.Services.AddMultiFactorAuthentication();
        builder.Services.AddInvitations();
        builder.Services.AddMemberUseCases();
        builder.Services.AddScoped<CurrentPrincipal>();
        builder.Services.AddScoped<TenantAccessLoader>();
        builder.Services.AddScoped<TokenIssuance>();
        builder.Services.AddDecoders();
        builder.Services.AddAuthentication(PlatformTokenDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, PlatformTokenHandler>(PlatformTokenDefaults.Scheme, null);
        builder.Services.AddAuthorization();
        builder.Services.AddLoginRateLimit(builder.Configuration);

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = StableProblemTypes.Apply);
        // No "Server: Kestrel": it tells an attacker what to look up, and the API has no use for it.
        builder.Services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
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
        app.UseMiddleware<ResponseHeaders>();
        // Answers that ASP.NET leaves empty (401 challenge, unknown path 404, 405) as ProblemDetails.
        app.UseStatusCodePages();
        // Before authentication: input that must never reach an endpoint is refused the same way for everyone.
        app.UseMiddleware<RequestInputGuard>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<TenantScopeMiddleware>();
        app.UseRateLimiter();
        app.UseFastEndpoints(config =>
        {
            config.Errors.UseProblemDetails();
            // A misspelt or unexpected property is an error, not silently ignored input.
            config.Serializer.Options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            // Enum names only (any case), times only with an offset: one rule for bodies and query strings.
            // The strict converter comes first, so it is the one that reads; System.Text.Json's stays
            // for the OpenAPI document, which takes it as the sign that enums are written as names.
            config.Serializer.Options.Converters.Add(new StrictEnumConverter());
            config.Serializer.Options.Converters.Add(new OffsetTimeConverter());
            config.Serializer.Options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            config.Binding.UseStrictValueParsers();
        });
        app.UseOpenApi(settings => settings.Path = OpenApiRoute);
        app.MapScalarApiReference(options => options
            .WithTitle("Platform API")
            .WithOpenApiRoutePattern(OpenApiRoute));
    }
}
