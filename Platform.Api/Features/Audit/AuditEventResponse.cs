using System.Text.Json;
using Platform.Core.Audit;

namespace Platform.Api.Features.Audit;

/// <summary>
/// One audit event; before and after are the stored JSON snapshots as JSON values. ActorTokenId names
/// the API token the actor used, when they used one.
/// </summary>
public sealed record AuditEventResponse(Guid Id, DateTimeOffset OccurredAt, AuditActorType ActorType, Guid? ActorId, string Action,
    string? TargetType, string? TargetId, JsonElement? Before, JsonElement? After, string? ClientAddress, AuditOutcome Outcome,
    string? ActorTokenId)
{
    public static AuditEventResponse From(AuditEvent e) =>
        new(e.Id, e.OccurredAt, e.ActorType, e.ActorId, e.Action, e.TargetType, e.TargetId, Json(e.Before), Json(e.After),
            e.ClientAddress, e.Outcome, e.ActorTokenId);

    // Snapshots are JSON when written; text that no longer parses is shown as the string it is,
    // so that a damaged record can still be read (verification is what flags it).
    private static JsonElement? Json(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(text);
        }
    }
}
