using Microsoft.Extensions.Options;
using Platform.Core.Identity.Providers;

namespace Platform.Tests.IdentityProviders;

/// <summary>Secret references against this process's real environment and files, with values generated per run.</summary>
public sealed class SecretReferencesTests : IDisposable
{
    private readonly Guid _tenant = Guid.NewGuid();
    private readonly string _root = Path.Combine(Path.GetTempPath(), "idp-secrets-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string _secret = "s-" + Guid.NewGuid().ToString("N");
    private readonly List<string> _variables = [];
    private readonly SecretReferences _references;

    public SecretReferencesTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, _tenant.ToString()));
        _references = new SecretReferences(Options.Create(new IdentityProviderOptions { SecretDirectory = _root }));
    }

    [Fact]
    public void AnEnvironmentReferenceOfTheTenantResolvesToTheVariable()
    {
        var name = Variable(SecretReferences.TenantVariablePrefix(_tenant) + "CLIENT", $"  {_secret}\n");

        Assert.Equal(_secret, _references.Resolve("env:" + name, _tenant));
        Assert.Null(_references.Problem("env:" + name, _tenant));
    }

    [Fact]
    public void ATenantCannotReferenceAnotherTenantsOrThePlatformsVariables()
    {
        var other = Variable(SecretReferences.TenantVariablePrefix(Guid.NewGuid()) + "CLIENT", _secret);
        var platform = Variable("PLATFORM_TEST_" + Guid.NewGuid().ToString("N").ToUpperInvariant(), _secret);

        foreach (var reference in new[] { "env:" + other, "env:" + platform, "env:PATH" })
        {
            var problem = _references.Problem(reference, _tenant);
            Assert.NotNull(problem);
            Assert.DoesNotContain(_secret, problem);
        }

        // The platform's own configuration may name any variable.
        Assert.Equal(_secret, _references.Resolve("env:" + platform, tenantId: null));
    }

    [Fact]
    public void AFileReferenceUnderTheTenantsDirectoryResolvesToItsTrimmedContent()
    {
        var path = Path.Combine(_root, _tenant.ToString(), "client-secret");
        File.WriteAllText(path, _secret + "\n");

        Assert.Equal(_secret, _references.Resolve("file:" + path, _tenant));
    }

    [Fact]
    public void ATenantCannotReferenceFilesOutsideItsDirectory()
    {
        var otherTenant = Path.Combine(_root, Guid.NewGuid().ToString());
        Directory.CreateDirectory(otherTenant);
        File.WriteAllText(Path.Combine(otherTenant, "client-secret"), _secret);
        var outside = Path.Combine(_root, "loose-secret");
        File.WriteAllText(outside, _secret);
        var link = Path.Combine(_root, _tenant.ToString(), "link");
        File.CreateSymbolicLink(link, "/etc/hostname");

        foreach (var path in new[] { Path.Combine(otherTenant, "client-secret"), outside, "/etc/hostname", link,
                     $"{_root}/{_tenant}/../loose-secret" })
        {
            var problem = _references.Problem("file:" + path, _tenant);
            Assert.NotNull(problem);
            Assert.DoesNotContain(_secret, problem);
        }
    }

    [Fact]
    public void WithoutASecretDirectoryTenantsHaveNoFileReferences()
    {
        var path = Path.Combine(_root, _tenant.ToString(), "client-secret");
        File.WriteAllText(path, _secret);
        var references = new SecretReferences(Options.Create(new IdentityProviderOptions()));

        Assert.NotNull(references.Problem("file:" + path, _tenant));
        Assert.Equal(_secret, references.Resolve("file:" + path, tenantId: null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain-secret")]
    [InlineData("env:")]
    [InlineData("env:NOT-A-NAME")]
    [InlineData("file:relative/path")]
    [InlineData("file:/etc/../etc/hostname")]
    [InlineData("vault:kv/secret")]
    [InlineData("ENV:PATH")]
    public void AnythingButEnvAndAbsoluteFileIsMalformed(string reference)
    {
        Assert.False(SecretReferences.IsWellFormed(reference));
        Assert.Equal(SecretReferences.FormMessage, _references.Problem(reference, tenantId: null));
    }

    [Fact]
    public void UnsetVariablesMissingAndEmptyFilesDoNotResolve()
    {
        var empty = Path.Combine(_root, _tenant.ToString(), "empty");
        File.WriteAllText(empty, "  \n");

        Assert.NotNull(_references.Problem("env:" + SecretReferences.TenantVariablePrefix(_tenant) + "UNSET", _tenant));
        Assert.NotNull(_references.Problem($"file:{_root}/{_tenant}/missing", _tenant));
        Assert.NotNull(_references.Problem("file:" + empty, _tenant));
        Assert.Throws<SecretReferenceException>(() => _references.Resolve("file:" + empty, _tenant));
    }

    [Fact]
    public void APublicClientHasNoSecretAndAConfidentialOneResolvesItsReference()
    {
        var name = Variable(SecretReferences.TenantVariablePrefix(_tenant) + "CLIENT", _secret);
        var settings = new OidcProviderSettings(Guid.NewGuid(), _tenant, IdentityProviderKind.Oidc, "https://idp.example.com", "c",
            "env:" + name, "aud", IdentityProviderState.Enabled);

        Assert.Equal(_secret, _references.ClientSecretOf(settings));
        Assert.Null(_references.ClientSecretOf(settings with { ClientSecretReference = null }));
        Assert.Throws<SecretReferenceException>(() => _references.ClientSecretOf(settings with { TenantId = Guid.NewGuid() }));
    }

    /// <summary>
    /// Links inside the tenant's folder to every place that is not the tenant's (a directory
    /// elsewhere, another tenant's folder and a file in it, the secret directory itself, a chain of
    /// links, a loop), each as the last segment and as a directory along the path: none resolves,
    /// and no answer names a server path. A link that stays in the folder still resolves.
    /// </summary>
    [Fact]
    public void NoLinkLeadsATenantOutOfItsOwnFolderAndNoAnswerNamesAServerPath()
    {
        var tenantFolder = Path.Combine(_root, _tenant.ToString());
        var otherTenant = Path.Combine(_root, Guid.NewGuid().ToString());
        var elsewhere = Path.Combine(Path.GetTempPath(), "idp-elsewhere-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(otherTenant);
        Directory.CreateDirectory(elsewhere);
        try
        {
            File.WriteAllText(Path.Combine(otherTenant, "client-secret"), _secret);
            File.WriteAllText(Path.Combine(elsewhere, "client-secret"), _secret);
            File.WriteAllText(Path.Combine(_root, "client-secret"), _secret);
            var targets = new Dictionary<string, string>
            {
                ["elsewhere"] = elsewhere,
                ["other-tenant"] = otherTenant,
                ["secret-root"] = _root,
                ["relative-other-tenant"] = Path.Combine("..", Path.GetFileName(otherTenant)),
            };
            var references = new List<string>();
            foreach (var (name, target) in targets)
            {
                Directory.CreateSymbolicLink(Path.Combine(tenantFolder, name), target);
                references.Add($"{tenantFolder}/{name}/client-secret");
                File.CreateSymbolicLink(Path.Combine(tenantFolder, name + "-file"), Path.Combine(target, "client-secret"));
                references.Add($"{tenantFolder}/{name}-file");
            }

            // A chain: an innocent-looking link to a link that leaves.
            File.CreateSymbolicLink(Path.Combine(tenantFolder, "chain"), Path.Combine(tenantFolder, "other-tenant-file"));
            references.Add($"{tenantFolder}/chain");
            File.CreateSymbolicLink(Path.Combine(tenantFolder, "loop-a"), Path.Combine(tenantFolder, "loop-b"));
            File.CreateSymbolicLink(Path.Combine(tenantFolder, "loop-b"), Path.Combine(tenantFolder, "loop-a"));
            references.Add($"{tenantFolder}/loop-a");

            var failures = new List<string>();
            foreach (var reference in references)
            {
                var problem = _references.Problem("file:" + reference, _tenant);
                if (problem is null || problem.Contains(_secret, StringComparison.Ordinal)
                    || problem.Contains(_root, StringComparison.Ordinal) || problem.Contains(elsewhere, StringComparison.Ordinal))
                {
                    failures.Add($"{reference[_root.Length..]}: {problem ?? "resolved"}");
                }
            }

            Assert.True(failures.Count == 0, $"{failures.Count} of {references.Count} links were followed or named a path:\n" + string.Join('\n', failures));

            // Within the folder, links are how Kubernetes mounts Secrets: they still work.
            Directory.CreateDirectory(Path.Combine(tenantFolder, "..data"));
            File.WriteAllText(Path.Combine(tenantFolder, "..data", "client-secret"), _secret);
            File.CreateSymbolicLink(Path.Combine(tenantFolder, "client-secret"), Path.Combine("..data", "client-secret"));
            Assert.Equal(_secret, _references.Resolve($"file:{tenantFolder}/client-secret", _tenant));
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    private string Variable(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        _variables.Add(name);
        return name;
    }

    public void Dispose()
    {
        _variables.ForEach(name => Environment.SetEnvironmentVariable(name, null));
        Directory.Delete(_root, recursive: true);
    }
}
