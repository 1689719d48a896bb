using System.Text.Json;

namespace Platform.Core.Audit;

/// <summary>Before/after snapshots for audit records: compact camelCase JSON of what changed, never secrets.</summary>
public static class AuditJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Of<T>(T snapshot) => JsonSerializer.Serialize(snapshot, Options);
}
