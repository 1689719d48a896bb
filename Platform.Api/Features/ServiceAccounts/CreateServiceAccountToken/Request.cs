using FastEndpoints;
using Platform.Api.Features.Tokens;

namespace Platform.Api.Features.ServiceAccounts.CreateServiceAccountToken;

public sealed class Request : TokenInput
{
    public Guid ServiceAccountId { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => Include(new TokenInputValidator());
    }
}
