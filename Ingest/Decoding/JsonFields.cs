using System.Text.Json;
using IoTStack.Ingest.Pipeline;

namespace IoTStack.Ingest.Decoding;

/// <summary>Field access with rejection details that say exactly which field of which element is wrong.</summary>
public static class JsonFields
{
    public static JsonElement Required(JsonElement owner, string field, string where) =>
        owner.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new RejectedMessageException(RejectionKind.InvalidValue, $"{where} is missing '{field}'.");

    public static JsonElement RequiredOfKind(JsonElement owner, string field, JsonValueKind kind, string where)
    {
        var value = Required(owner, field, where);
        return value.ValueKind == kind
            ? value
            : throw new RejectedMessageException(RejectionKind.InvalidValue,
                $"'{field}' in {where} must be {kind.ToString().ToLowerInvariant()}, not {EpochTimestamp.Describe(value)}.");
    }

    /// <summary>A name or id that devices send as a string or a number.</summary>
    public static string RequiredName(JsonElement owner, string field, string where)
    {
        var value = Required(owner, field, where);
        var name = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(name)
            ? throw new RejectedMessageException(RejectionKind.InvalidValue,
                $"'{field}' in {where} must be a non-empty string or a number, not {EpochTimestamp.Describe(value)}.")
            : name;
    }

    /// <summary>The elements of a root that may be one object or an array of them.</summary>
    public static IEnumerable<(JsonElement Element, string Where)> OneOrMany(JsonElement root, string what) =>
        root.ValueKind == JsonValueKind.Array
            ? root.EnumerateArray().Select((element, index) => (EnsureObject(element, $"{what} [{index}]"), $"{what} [{index}]"))
            : [(EnsureObject(root, what), what)];

    private static JsonElement EnsureObject(JsonElement element, string where) =>
        element.ValueKind == JsonValueKind.Object
            ? element
            : throw new RejectedMessageException(RejectionKind.InvalidValue, $"{where} must be a JSON object, not {EpochTimestamp.Describe(element)}.");
}
