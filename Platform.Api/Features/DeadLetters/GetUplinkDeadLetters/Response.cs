namespace Platform.Api.Features.DeadLetters.GetUplinkDeadLetters;

/// <param name="Messages">Messages waiting in the queue now.</param>
public sealed record Response(string Queue, uint Messages);
