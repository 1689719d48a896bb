using System.Reflection;
using FastEndpoints;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Api.Tenancy;
using Platform.Core.Identity;
using Platform.Core.Messaging;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Status.GetStatus;

public sealed class Endpoint(HealthCheckService health, CurrentPrincipal principal) : EndpointWithoutRequest<Response>
{
    private static readonly string[] Dependencies = [PersistenceExtensions.HealthCheckName, EventBusExtensions.HealthCheckName];

    private static readonly string BuildVersion =
        typeof(Endpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(Endpoint).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public override void Configure()
    {
        Get("/api/status");
        AllowAnonymous();
        Summary(summary =>
        {
            summary.Summary = "Version of the platform and health of its dependencies";
            summary.Description = "Public: it names the dependencies and their state, never addresses or errors. "
                + "The build version (which names the commit) only to platform admins.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(check => Dependencies.Contains(check.Name), ct);
        var dependencies = report.Entries
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => new DependencyStatus(entry.Key, entry.Value.Status.ToString()))
            .ToList();
        // The version names the commit: an attacker's shortcut to the known bugs of this build.
        var version = User.Identity?.IsAuthenticated == true && principal.PlatformRole == PlatformRole.Admin ? BuildVersion : null;
        await Send.OkAsync(new Response(version, report.Status.ToString(), dependencies), ct);
    }
}
