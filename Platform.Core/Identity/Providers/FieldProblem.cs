namespace Platform.Core.Identity.Providers;

/// <summary>Why an input cannot be accepted, naming the field (the API's validation answer names it too).</summary>
public sealed record FieldProblem(string Field, string Message);
