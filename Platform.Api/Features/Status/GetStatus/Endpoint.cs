using System.Reflection;
using FastEndpoints;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Core.Messaging;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Status.GetStatus;

public sealed class Endpoint(HealthCheckService health) : EndpointWithoutRequest<Response>
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
            summary.Description = "Public: it names the dependencies and their state, never addresses or errors.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(check => Dependencies.Contains(check.Name), ct);
        var dependencies = report.Entries
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => new DependencyStatus(entry.Key, entry.Value.Status.ToString()))
            .ToList();
        await Send.OkAsync(new Response(BuildVersion, report.Status.ToString(), dependencies), ct);
    }
}
