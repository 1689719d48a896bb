using FastEndpoints;
using FluentValidation;

namespace Platform.Api.Features.Auth.OidcAuthorize;

public sealed class Request
{
    /// <summary>A tenant's identity provider; omitted for the platform's own.</summary>
    public Guid? ProviderId { get; init; }

    /// <summary>Where the provider sends the browser back with code and state; must be one of the configured URIs exactly.</summary>
    public string RedirectUri { get; init; } = string.Empty;

    /// <summary>A tenant admin's test of a configured provider (signed in; opens no session; marks the provider tested).</summary>
    public bool Test { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.RedirectUri).NotEmpty().MaximumLength(2000)
                .Must(uri => Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Scheme is "https" or "http")
                .WithMessage("An absolute http(s) URI.");
        }
    }
}
