using FastEndpoints;
using FluentValidation;

namespace Platform.Api.Features.Mfa;

/// <summary>A code from the authenticator app (6 digits) or, where allowed, a recovery code.</summary>
public sealed class CodeRequest
{
    public string Code { get; init; } = string.Empty;

    public sealed class Validator : Validator<CodeRequest>
    {
        public Validator() => RuleFor(request => request.Code).NotEmpty().MaximumLength(32);
    }
}
