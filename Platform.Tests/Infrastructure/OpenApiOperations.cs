using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Tests.Infrastructure;

/// <summary>The kind of value an input field of the API takes, as its OpenAPI schema says.</summary>
public enum OpenApiFieldKind
{
    Text,
    Enum,
    DateTime,
    Other,
}

/// <summary>A field of a request: where it is (<c>query</c> or <c>body</c>), its name as the API names it in errors, its kind.</summary>
/// <param name="Path">For the body, the JSON path's segments (a property name, or <c>[0]</c> for an array's first item).</param>
/// <param name="EnumNames">The defined names, for an enum.</param>
public sealed record OpenApiField(string In, string Name, IReadOnlyList<string> Path, OpenApiFieldKind Kind, IReadOnlyList<string> EnumNames);

/// <summary>One operation of the API's own OpenAPI document, with its inputs.</summary>
public sealed record OpenApiOperation(string Method, string Template, IReadOnlyList<string> RouteParameters, bool HasBody,
    IReadOnlyList<OpenApiField> Fields)
{
    public override string ToString() => $"{Method} {Template}";

    /// <summary>Whether a concrete path is one of this template's.</summary>
    public bool Matches(string path) =>
        Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(Template), @"\\\{[^}]+}", "[^/]+") + "$");

    /// <summary>The template with its route parameters filled in: given values by name, any other with a fresh id (or 1 where a number).</summary>
    public string Path(IReadOnlyDictionary<string, string> values) =>
        Regex.Replace(Template, "{([^}]+)}", match => values.TryGetValue(match.Groups[1].Value, out var value)
            ? value
            : match.Groups[1].Value == "version" ? "1" : Guid.NewGuid().ToString());
}

/// <summary>
/// Reads the running API's OpenAPI document (<c>/openapi/v1.json</c>) into operations and their input
/// fields, so tests of a class of input cover every endpoint, including those added later.
/// </summary>
public static class OpenApiOperations
{
    private const int MaxDepth = 5;

    public static async Task<IReadOnlyList<OpenApiOperation>> ReadAsync(PlatformAppFixture fixture)
    {
        using var http = fixture.CreateApiClient();
        var document = await http.GetFromJsonAsync<JsonObject>("/openapi/v1.json", TestContext.Current.CancellationToken);
        var schemas = document!["components"]?["schemas"]?.AsObject() ?? new JsonObject();
        var operations = new List<OpenApiOperation>();
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operationNode) in item!.AsObject())
            {
                var operation = operationNode!.AsObject();
                var fields = new List<OpenApiField>();
                var routeParameters = new List<string>();
                foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
                {
                    var name = parameter!["name"]!.GetValue<string>();
                    var location = parameter["in"]!.GetValue<string>();
                    if (location == "path")
                    {
                        routeParameters.Add(name);
                    }
                    else if (location == "query")
                    {
                        var schema = Resolve(parameter["schema"], schemas);
                        fields.Add(new OpenApiField("query", name, [name], KindOf(schema), EnumNamesOf(schema)));
                    }
                }

                var body = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                if (body is not null)
                {
                    CollectBodyFields(Resolve(body, schemas), [], schemas, fields, 0);
                }

                operations.Add(new OpenApiOperation(method.ToUpperInvariant(), template, routeParameters, body is not null, fields));
            }
        }

        return operations;
    }

    /// <summary>A JSON body with <paramref name="value"/> at the field's path and nothing else.</summary>
    public static JsonNode BodyWith(OpenApiField field, JsonNode? value)
    {
        JsonNode? node = value;
        foreach (var segment in field.Path.Reverse())
        {
            node = segment == "[0]" ? new JsonArray(node) : new JsonObject { [segment] = node };
        }

        return node!;
    }

    private static void CollectBodyFields(JsonNode? schema, List<string> path, JsonObject schemas, List<OpenApiField> fields, int depth)
    {
        if (schema is null || depth > MaxDepth)
        {
            return;
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                Collect(Resolve(property, schemas), [.. path, name], schemas, fields, depth);
            }
        }

        if (schema["additionalProperties"] is JsonObject values)
        {
            Collect(Resolve(values, schemas), [.. path, "key"], schemas, fields, depth);
        }
    }

    private static void Collect(JsonNode? schema, List<string> path, JsonObject schemas, List<OpenApiField> fields, int depth)
    {
        if (schema is null)
        {
            return;
        }

        var type = TypeOf(schema);
        if (type == "array")
        {
            Collect(Resolve(schema["items"], schemas), [.. path, "[0]"], schemas, fields, depth + 1);
        }
        else if (type == "object" || schema["properties"] is not null || schema["additionalProperties"] is JsonObject)
        {
            CollectBodyFields(schema, path, schemas, fields, depth + 1);
        }
        else
        {
            fields.Add(new OpenApiField("body", FieldName(path), path, KindOf(schema), EnumNamesOf(schema)));
        }
    }

    private static string FieldName(IEnumerable<string> path) =>
        string.Join(".", path).Replace(".[", "[", StringComparison.Ordinal);

    private static OpenApiFieldKind KindOf(JsonNode? schema) => schema switch
    {
        null => OpenApiFieldKind.Other,
        _ when schema["enum"] is JsonArray => OpenApiFieldKind.Enum,
        _ when TypeOf(schema) == "string" && schema["format"]?.GetValue<string>() == "date-time" => OpenApiFieldKind.DateTime,
        _ when TypeOf(schema) == "string" => OpenApiFieldKind.Text,
        _ => OpenApiFieldKind.Other,
    };

    private static IReadOnlyList<string> EnumNamesOf(JsonNode? schema) =>
        schema?["enum"] is JsonArray names ? names.Select(name => name!.ToString()).ToList() : [];

    private static string? TypeOf(JsonNode schema) => schema["type"] switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray types => types.Select(type => type!.GetValue<string>()).FirstOrDefault(type => type != "null"),
        _ => null,
    };

    /// <summary>Follows <c>$ref</c>s and the one-element <c>allOf</c>/<c>oneOf</c>/<c>anyOf</c> that wrap a nullable reference.</summary>
    private static JsonNode? Resolve(JsonNode? schema, JsonObject schemas)
    {
        for (var hops = 0; schema is not null && hops < 10; hops++)
        {
            if (schema["$ref"] is JsonValue reference)
            {
                schema = schemas[reference.GetValue<string>().Split('/')[^1]];
                continue;
            }

            var wrapped = new[] { "allOf", "oneOf", "anyOf" }
                .Select(key => schema[key] as JsonArray)
                .FirstOrDefault(list => list is not null)?
                .FirstOrDefault(candidate => candidate?["$ref"] is not null || candidate?["type"] is not null && TypeOf(candidate) != "null");
            if (wrapped is not null && schema["type"] is null && schema["properties"] is null)
            {
                schema = wrapped;
                continue;
            }

            return schema;
        }

        return schema;
    }
}
