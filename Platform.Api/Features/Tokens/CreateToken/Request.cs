using FastEndpoints;

namespace Platform.Api.Features.Tokens.CreateToken;

public sealed class Request : TokenInput
{
    public sealed class Validator : Validator<Request>
    {
        public Validator() => Include(new TokenInputValidator());
    }
}
