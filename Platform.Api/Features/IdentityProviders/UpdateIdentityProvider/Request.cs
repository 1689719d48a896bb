using FastEndpoints;
using FluentValidation;
using Platform.Core.Identity.Providers;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.IdentityProviders.UpdateIdentityProvider;

/// <summary>
/// Only what is given changes. Changing kind, issuer, client id, secret reference or audience sends
/// the provider back to Configured (out of enforcement): it needs a new test sign-in.
/// </summary>
public sealed class Request : IdentityProviderRequest
{
    public string? Name { get; init; }

    public IdentityProviderKind? Kind { get; init; }

    public string? Issuer { get; init; }

    public string? ClientId { get; init; }

    /// <summary>A new reference; the empty string makes the provider a public client (no secret).</summary>
    public string? ClientSecretReference { get; init; }

    public string? Audience { get; init; }

    public IReadOnlyList<string>? AllowedEmailDomains { get; init; }

    public bool? JitEnabled { get; init; }

    public TenantRole? DefaultRole { get; init; }

    /// <summary>Replaces all rules, in this order.</summary>
    public IReadOnlyList<ClaimMappingRule>? MappingRules { get; init; }

    public IdentityProviderConnection Connection(TenantIdentityProvider current) => new(
        Kind ?? current.Kind,
        Issuer ?? current.Issuer,
        ClientId ?? current.ClientId,
        ClientSecretReference is null ? current.ClientSecretReference : ClientSecretReference.Length == 0 ? null : ClientSecretReference,
        Audience ?? current.Audience);

    public SignInPolicy Policy(TenantIdentityProvider current) => new(
        AllowedEmailDomains ?? current.AllowedEmailDomains,
        JitEnabled ?? current.JitEnabled,
        DefaultRole ?? current.DefaultRole,
        MappingRules ?? current.MappingRules);

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.Name).NotEmpty().MaximumLength(TenantIdentityProvider.MaxNameLength)
                .When(request => request.Name is not null);
            RuleFor(request => request.Kind).IsInEnum();
            RuleFor(request => request.DefaultRole).IsInEnum();
        }
    }
}
