using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Tests.Ingestion;

public static partial class HostileUplinks
{
    // ASCII that no JSON writer escapes: found again in the written message.
    private const string Marker = "MUTATIONMARKER7F3A";

    // Every JSON type and shape a value can be replaced by: the type it has is among them too.
    private static readonly (string Name, Func<JsonNode?> Value)[] Replacements =
    [
        ("null", () => null),
        ("an empty string", () => ""),
        ("a word", () => "mutated"),
        ("zero", () => 0),
        ("a negative fraction", () => -1.5),
        ("true", () => true),
        ("false", () => false),
        ("an empty object", () => new JsonObject()),
        ("an object", () => new JsonObject { ["mutated"] = 1 }),
        ("an empty array", () => new JsonArray()),
        ("an array", () => new JsonArray(1)),
    ];

    // How a NUL or a lone surrogate gets into a message: as a JSON escape (no JSON writer emits a lone surrogate).
    private static readonly (string Name, string Escape)[] UnstorableEscapes =
    [
        ("a NUL", "\\u0000"),
        ("a lone high surrogate", "\\ud800"),
        ("a lone low surrogate", "\\udc00"),
    ];

    /// <summary>
    /// Every path of both recorded uplinks (members, array elements, nested objects), each mutated
    /// every way <see cref="UplinkMutationKind"/> names. Each message is retargeted as in
    /// <see cref="Create"/> and has a fresh deduplication id.
    /// </summary>
    public static IReadOnlyList<UplinkMutation> Mutations(HostileUplinkTargets targets, DateTimeOffset now)
    {
        var recorded = new Recorded(targets, now);
        return
        [
            .. MutationsOf("chirpstack", recorded.ChirpStackTopic, () => recorded.ChirpStackJson()),
            .. MutationsOf("tts", recorded.TtsTopic, () => recorded.TtsJson()),
        ];
    }

    private static IEnumerable<UplinkMutation> MutationsOf(string format, string topic, Func<JsonObject> recorded)
    {
        foreach (var path in PathsOf(recorded()))
        {
            var name = $"{format}: {Render(path)}";
            yield return Mutation($"{name} removed", path, UplinkMutationKind.Shape, (parent, step) => Remove(parent, step));
            foreach (var (replacement, value) in Replacements)
            {
                yield return Mutation($"{name} is {replacement}", path, UplinkMutationKind.Shape, (parent, step) => Set(parent, step, value()));
            }

            var original = Navigate(recorded(), path);
            if (original is JsonValue { } stringValue && stringValue.GetValueKind() == JsonValueKind.String)
            {
                var text = stringValue.GetValue<string>();
                foreach (var (escape, _) in UnstorableEscapes)
                {
                    yield return Escaped($"{name} ends in {escape}", path, escape, (parent, step) => Set(parent, step, text + Marker));
                }

                if (TimeText().IsMatch(text))
                {
                    yield return Mutation($"{name} has no offset", path, UplinkMutationKind.TimeWithoutOffset,
                        (parent, step) => Set(parent, step, TimeOffset().Replace(text, "")));
                    yield return Mutation($"{name} is only a date", path, UplinkMutationKind.TimeWithoutOffset,
                        (parent, step) => Set(parent, step, text[..10]));
                }
            }

            if (original is JsonValue { } number && number.GetValueKind() == JsonValueKind.Number)
            {
                var digits = number.ToJsonString();
                yield return Mutation($"{name} is a number in a string", path, UplinkMutationKind.NumberAsString,
                    (parent, step) => Set(parent, step, digits));
            }

            if (path[^1] is string member)
            {
                foreach (var (escape, _) in UnstorableEscapes)
                {
                    yield return Escaped($"{name}'s member name ends in {escape}", path, escape, (parent, step) =>
                    {
                        var node = parent[member];
                        parent.AsObject().Remove(member);
                        parent[member + Marker] = node?.DeepClone();
                    });
                }
            }
        }

        UplinkMutation Mutation(string name, object[] path, UplinkMutationKind kind, Action<JsonNode, object> change) =>
            new(name, topic, Recorded.Utf8(Changed(path, change)), Render(path), kind);

        UplinkMutation Escaped(string name, object[] path, string escape, Action<JsonNode, object> change) =>
            new(name, topic, Recorded.Utf8(Changed(path, change).Replace(Marker, UnstorableEscapes.Single(e => e.Name == escape).Escape,
                StringComparison.Ordinal)), Render(path), UplinkMutationKind.UnstorableText);

        string Changed(object[] path, Action<JsonNode, object> change)
        {
            var json = recorded();
            change(Navigate(json, path[..^1])!, path[^1]);
            return json.ToJsonString();
        }
    }

    /// <summary>Every path below the root, parents before their children; a step is a member name or an array index.</summary>
    private static IEnumerable<object[]> PathsOf(JsonNode node, object[]? at = null)
    {
        at ??= [];
        IEnumerable<(object Step, JsonNode? Child)> children = node switch
        {
            JsonObject members => members.Select(member => ((object)member.Key, member.Value)).ToList(),
            JsonArray elements => elements.Select((element, index) => ((object)index, element)).ToList(),
            _ => [],
        };
        foreach (var (step, child) in children)
        {
            object[] path = [.. at, step];
            yield return path;
            if (child is not null)
            {
                foreach (var below in PathsOf(child, path))
                {
                    yield return below;
                }
            }
        }
    }

    private static JsonNode? Navigate(JsonNode node, object[] path) =>
        path.Aggregate<object, JsonNode?>(node, (current, step) => step is string member ? current![member] : current![(int)step]);

    private static void Remove(JsonNode parent, object step)
    {
        if (step is string member)
        {
            parent.AsObject().Remove(member);
        }
        else
        {
            parent.AsArray().RemoveAt((int)step);
        }
    }

    private static void Set(JsonNode parent, object step, JsonNode? value)
    {
        if (step is string member)
        {
            parent[member] = value;
        }
        else
        {
            parent[(int)step] = value;
        }
    }

    private static string Render(object[] path) =>
        "$" + string.Concat(path.Select(step => step is string member ? "." + member : string.Create(CultureInfo.InvariantCulture, $"[{step}]")));

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex TimeText();

    [GeneratedRegex(@"(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex TimeOffset();
}
