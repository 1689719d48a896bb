using FastEndpoints;
using FluentValidation;
using Platform.Core.Identity.Providers;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.IdentityProviders.CreateIdentityProvider;

public sealed class Request
{
    public Guid TenantId { get; init; }

    public string Name { get; init; } = string.Empty;

    public IdentityProviderKind Kind { get; init; }

    /// <summary>Exactly as the provider's tokens state it; for Entra ID <c>https://login.microsoftonline.com/{directory id}/v2.0</c>.</summary>
    public string Issuer { get; init; } = string.Empty;

    public string ClientId { get; init; } = string.Empty;

    /// <summary>
    /// <c>env:PLATFORM_IDP_{TENANT ID, 32 hex, upper case}_…</c> or <c>file:{secret directory}/{tenant id}/…</c>, set up by
    /// the platform operators; omitted for a public client. Must resolve now.
    /// </summary>
    public string? ClientSecretReference { get; init; }

    /// <summary>The <c>aud</c> the API requires of this provider's access tokens.</summary>
    public string Audience { get; init; } = string.Empty;

    /// <summary>Empty: any domain.</summary>
    public IReadOnlyList<string> AllowedEmailDomains { get; init; } = [];

    public bool JitEnabled { get; init; }

    public TenantRole DefaultRole { get; init; } = TenantRole.Member;

    public IReadOnlyList<ClaimMappingRule> MappingRules { get; init; } = [];

    public IdentityProviderConnection Connection() => new(Kind, Issuer, ClientId, ClientSecretReference, Audience);

    public SignInPolicy Policy() => new(AllowedEmailDomains, JitEnabled, DefaultRole, MappingRules);

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.Name).NotEmpty().MaximumLength(TenantIdentityProvider.MaxNameLength);
            RuleFor(request => request.Kind).IsInEnum();
            RuleFor(request => request.DefaultRole).IsInEnum();
        }
    }
}
