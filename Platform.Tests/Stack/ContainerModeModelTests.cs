using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.AppHost.Infrastructure;

namespace Platform.Tests.Stack;

/// <summary>
/// Container mode cannot run on this machine (no Docker engine), but its model can be built and
/// read: the infrastructure as containers, Keycloak importing the repository's realm, and that
/// realm's client agreeing with what the API is told (issuer, client id, audience, callbacks).
/// </summary>
public sealed class ContainerModeModelTests : IAsyncLifetime
{
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("platform-container-model-");
    private DistributedApplication? _app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DistributedApplicationModel Model => _app!.Services.GetRequiredService<DistributedApplicationModel>();

    public async ValueTask InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>(
            ["--Platform:Mode=Containers", $"--Platform:StateDirectory={_state.FullName}", "--Platform:ExportTelemetry=false"], Ct);
        builder.Services.AddLogging(logging => logging.AddFilter("Aspire.Hosting", LogLevel.Warning));
        // Built, never started: nothing here needs a container runtime.
        _app = await builder.BuildAsync(Ct);
    }

    [Fact]
    public void TheInfrastructureRunsAsContainers()
    {
        var containers = Model.Resources.OfType<ContainerResource>().Select(resource => resource.Name).ToHashSet();

        Assert.Superset(new HashSet<string> { "postgres", "eventbus", "mosquitto", "keycloak" }, containers);
        Assert.DoesNotContain(Model.Resources, resource => resource.Name == "oidc");
    }

    [Fact]
    public async Task KeycloakImportsARealmWhoseClientMatchesWhatTheApiIsGiven()
    {
        var keycloak = Model.Resources.Single(resource => resource.Name == "keycloak");
        var import = keycloak.Annotations.OfType<ContainerMountAnnotation>().Single(mount => mount.Target == "/opt/keycloak/data/import");
        var realm = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(import.Source!, "platform-realm.json"), Ct))!.AsObject();
        var api = (IResourceWithEnvironment)Model.Resources.Single(resource => resource.Name == "platform-api");
        var environment = await PlainEnvironmentAsync(api);

        Assert.Equal(PlatformIdentityProvider.RealmPath, "/realms/" + (string?)realm["realm"]);
        Assert.EndsWith(PlatformIdentityProvider.RealmPath, environment["Platform__Oidc__Issuer"], StringComparison.Ordinal);
        var client = Assert.Single(realm["clients"]!.AsArray(), client => (string?)client!["clientId"] == environment["Platform__Oidc__ClientId"])!;
        Assert.True((bool?)client["publicClient"]);
        Assert.Equal("S256", (string?)client["attributes"]!["pkce.code.challenge.method"]);
        Assert.False((bool?)client["directAccessGrantsEnabled"]);
        Assert.Contains(client["protocolMappers"]!.AsArray(), mapper => (string?)mapper!["protocolMapper"] == "oidc-audience-mapper"
            && (string?)mapper["config"]!["included.custom.audience"] == environment["Platform__Oidc__Audience"]
            && (string?)mapper["config"]!["access.token.claim"] == "true");

        // Every callback the API accepts is one Keycloak redirects to.
        var redirects = client["redirectUris"]!.AsArray().Select(uri => (string)uri!).ToList();
        var callbacks = environment.Where(variable => variable.Key.StartsWith("Platform__Oidc__AllowedRedirectUris__", StringComparison.Ordinal))
            .Select(variable => variable.Value).ToList();
        Assert.NotEmpty(callbacks);
        Assert.All(callbacks, callback => Assert.Contains(redirects, allowed =>
            allowed == callback || (allowed.EndsWith("/*", StringComparison.Ordinal) && callback.StartsWith(allowed[..^1], StringComparison.Ordinal))));
    }

    /// <summary>The resource's environment variables that are plain text (references to other resources are left out).</summary>
    private static async Task<Dictionary<string, string>> PlainEnvironmentAsync(IResourceWithEnvironment resource)
    {
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish),
            resource, [], Ct);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return context.EnvironmentVariables.Where(variable => variable.Value is string)
            .ToDictionary(variable => variable.Key, variable => (string)variable.Value);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _state.Delete(recursive: true);
    }
}
