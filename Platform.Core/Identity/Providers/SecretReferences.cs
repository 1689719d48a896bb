using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Platform.Core.Identity.Providers;

/// <summary>
/// Resolves client-secret references: <c>env:NAME</c> (an environment variable of this process) and
/// <c>file:/absolute/path</c> (the file's content, trimmed: Kubernetes mounts Secrets as files). Only
/// the reference is ever stored, shown or audited; the value is read when needed and never logged.
/// </summary>
/// <remarks>
/// A tenant's provider is configured by that tenant's admin, and the platform sends the secret to the
/// token endpoint of the issuer that admin chose. Unrestricted, <c>env:ConnectionStrings__platformdb</c>
/// or <c>file:/proc/self/environ</c> would hand the platform's own secrets (or another tenant's) to
/// whoever runs that issuer. So a tenant's references are confined to what the operators set up for
/// that tenant: environment variables named <c>PLATFORM_IDP_{TENANT ID, 32 hex digits, upper case}_…</c>
/// and files under <c>{SecretDirectory}/{tenant id}/</c>. The platform's own provider (tenant null)
/// comes from the operators' configuration and may name any variable or absolute path.
/// </remarks>
public sealed partial class SecretReferences(IOptions<IdentityProviderOptions> options)
{
    public const string EnvPrefix = "env:";
    public const string FilePrefix = "file:";
    public const string FormMessage = "A secret reference is env:NAME or file:/absolute/path.";
    public const int MaxReferenceLength = 500;

    // A client secret is short; anything longer is the wrong file.
    private const int MaxSecretBytes = 16 * 1024;

    /// <summary>Just the form: <c>env:</c> with a variable name, or <c>file:</c> with an absolute path without "..".</summary>
    public static bool IsWellFormed(string reference)
    {
        if (string.IsNullOrEmpty(reference) || reference.Length > MaxReferenceLength)
        {
            return false;
        }

        if (reference.StartsWith(EnvPrefix, StringComparison.Ordinal))
        {
            return VariableName().IsMatch(reference[EnvPrefix.Length..]);
        }

        if (!reference.StartsWith(FilePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var path = reference[FilePrefix.Length..];
        return path.StartsWith('/') && Path.IsPathFullyQualified(path) && !path.Contains('\0')
            && !path.Split('/').Any(segment => segment is ".." or ".");
    }

    /// <summary>The variable name prefix a tenant's <c>env:</c> references must start with.</summary>
    public static string TenantVariablePrefix(Guid tenantId) => $"PLATFORM_IDP_{tenantId.ToString("N").ToUpperInvariant()}_";

    /// <returns>Why the reference does not resolve (naming no value), or null when it does.</returns>
    public string? Problem(string reference, Guid? tenantId)
    {
        try
        {
            Resolve(reference, tenantId);
            return null;
        }
        catch (SecretReferenceException exception)
        {
            return exception.Message;
        }
    }

    /// <summary>The client secret of a provider; null for a public client.</summary>
    /// <exception cref="SecretReferenceException">The reference does not resolve.</exception>
    public string? ClientSecretOf(OidcProviderSettings provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return provider.ClientSecretReference is null ? null : Resolve(provider.ClientSecretReference, provider.TenantId);
    }

    /// <param name="tenantId">The tenant whose provider names the reference; null for the platform's configuration.</param>
    /// <exception cref="SecretReferenceException">The reference is malformed, not allowed for the tenant, or does not resolve.</exception>
    public string Resolve(string reference, Guid? tenantId)
    {
        if (!IsWellFormed(reference))
        {
            throw new SecretReferenceException(FormMessage);
        }

        var value = reference.StartsWith(EnvPrefix, StringComparison.Ordinal)
            ? ResolveVariable(reference[EnvPrefix.Length..], tenantId)
            : ResolveFile(reference[FilePrefix.Length..], tenantId);
        value = value.Trim();
        return value.Length > 0 ? value : throw new SecretReferenceException("The secret is empty.");
    }

    private static string ResolveVariable(string name, Guid? tenantId)
    {
        if (tenantId is { } tenant && !name.StartsWith(TenantVariablePrefix(tenant), StringComparison.Ordinal))
        {
            throw new SecretReferenceException(
                $"A tenant's environment secrets are named {TenantVariablePrefix(tenant)}…; ask the platform operators to set one up.");
        }

        return Environment.GetEnvironmentVariable(name)
            ?? throw new SecretReferenceException($"The environment variable {name} is not set.");
    }

    private string ResolveFile(string path, Guid? tenantId)
    {
        try
        {
            return ReadFile(path, tenantId);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SecretReferenceException("The file does not exist or cannot be read.");
        }
    }

    private string ReadFile(string path, Guid? tenantId)
    {
        var fullPath = Path.GetFullPath(path);
        if (tenantId is { } tenant)
        {
            var root = options.Value.SecretDirectory is { Length: > 0 } directory
                ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory))
                : throw new SecretReferenceException("File secrets of tenants are not set up on this platform; use env: instead.");
            var tenantFolder = Path.Combine(root, tenant.ToString("D"));
            // Every link along the path is followed (a directory link such as {tenant}/etc -> /etc
            // too), and the real file must lie in the real folder of this tenant: not elsewhere, not
            // in another tenant's. Answers name the folder relative to the secret directory only.
            var outsideMessage = $"A tenant's file secrets lie in its folder {tenant:D}/ of the secret directory, links included.";
            if (!fullPath.StartsWith(tenantFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new SecretReferenceException(outsideMessage);
            }

            string real;
            try
            {
                real = RealPath.Of(fullPath);
                tenantFolder = RealPath.Of(tenantFolder);
            }
            catch (IOException)
            {
                throw new SecretReferenceException("The file does not exist or cannot be read.");
            }

            if (!real.StartsWith(tenantFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new SecretReferenceException(outsideMessage);
            }

            fullPath = real;
        }

        var file = new FileInfo(fullPath);
        if (!file.Exists)
        {
            throw new SecretReferenceException("The file does not exist or cannot be read.");
        }

        using var stream = file.OpenRead();
        var buffer = new byte[MaxSecretBytes + 1];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return length > MaxSecretBytes
            ? throw new SecretReferenceException("The file is too large to be a client secret.")
            : Encoding.UTF8.GetString(buffer, 0, length);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,199}$")]
    private static partial Regex VariableName();
}
