using System.Text.Json.Nodes;

namespace IoTStack.Grafana.Tests;

/// <summary>One dashboard file, with the parts the checks and the SQL runs need.</summary>
public sealed record Dashboard(string File, JsonObject Json)
{
    public string Uid => (string)Json["uid"]!;

    public IEnumerable<JsonObject> Panels => Json["panels"]!.AsArray().Select(p => p!.AsObject());

    public IEnumerable<JsonObject> Variables => Json["templating"]!["list"]!.AsArray().Select(v => v!.AsObject());

    /// <summary>Annotation queries of ours (Grafana's built-in one has no SQL).</summary>
    public IEnumerable<JsonObject> Annotations => Json["annotations"]!["list"]!.AsArray()
        .Select(a => a!.AsObject())
        .Where(a => a["target"] is not null);

    public static string Sql(JsonObject target) => (string)target["rawSql"]!;

    public static string Format(JsonObject target) => (string)target["format"]!;

    public static IEnumerable<JsonObject> Targets(JsonObject panel) => panel["targets"]?.AsArray().Select(t => t!.AsObject()) ?? [];

    public override string ToString() => File;
}
