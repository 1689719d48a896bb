using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Stack;

[Collection(PlatformAppCollection.Name)]
public sealed class StackStartsTests(PlatformAppFixture fixture)
{
    [Fact]
    public void EveryResourceIsRunningAndHealthy()
    {
        var problems = new List<string>();
        foreach (var resource in fixture.VisibleResources.Where(r => r is ProjectResource or ExecutableResource))
        {
            var snapshot = fixture.CurrentState(resource.Name).Snapshot;
            if (resource.Name == PlatformAppFixture.MigrationsResource)
            {
                if (snapshot.State?.Text != KnownResourceStates.Finished || snapshot.ExitCode != 0)
                {
                    problems.Add($"{resource.Name}: {snapshot.State?.Text} exit {snapshot.ExitCode}");
                }
            }
            else if (snapshot.State?.Text != KnownResourceStates.Running || snapshot.HealthStatus != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
            {
                problems.Add($"{resource.Name}: {snapshot.State?.Text} {snapshot.HealthStatus}");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void NoProjectLogsAnErrorWhileStarting() => Assert.Empty(fixture.ProjectErrors());

    [Fact]
    public async Task EveryHttpServiceAnswersAliveAndHealth()
    {
        var services = fixture.VisibleResources.OfType<ProjectResource>()
            .Where(project => project.Name != PlatformAppFixture.MigrationsResource)
            .ToList();
        Assert.NotEmpty(services);

        foreach (var service in services)
        {
            using var http = fixture.App.CreateHttpClient(service.Name, "http");
            foreach (var path in new[] { "/alive", "/health" })
            {
                using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{service.Name}{path} answered {(int)response.StatusCode}");
            }
        }
    }
}
