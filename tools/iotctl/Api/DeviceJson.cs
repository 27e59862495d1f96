using System.Text.Json.Nodes;

namespace IoTStack.Cli.Api;

/// <summary>
/// Devices as broker-cli shows and accepts them (snake_case, source_ids and properties as objects), translated from
/// and to the Api's GraphQL shape (camelCase, JSON objects carried as text).
/// </summary>
public static class DeviceJson
{
    public const string PhysicalFields = "uid source name location { lat long } lastSeen sourceIds properties createdAt currentLogicalDevice { uid name }";
    public const string LogicalFields = "uid name location { lat long } lastSeen properties createdAt currentPhysicalDevice { uid name }";

    public static JsonObject FromPhysical(JsonNode device, bool withProperties) => new JsonObject
    {
        ["uid"] = device["uid"]?.DeepClone(),
        ["source_name"] = device["source"]?.DeepClone(),
        ["name"] = device["name"]?.DeepClone(),
        ["location"] = device["location"]?.DeepClone(),
        ["last_seen"] = device["lastSeen"]?.DeepClone(),
        ["source_ids"] = ParseText(device["sourceIds"]),
        ["created_at"] = device["createdAt"]?.DeepClone(),
        ["mapped_to"] = device["currentLogicalDevice"]?.DeepClone(),
    }.WithProperties(device, withProperties);

    public static JsonObject FromLogical(JsonNode device, bool withProperties) => new JsonObject
    {
        ["uid"] = device["uid"]?.DeepClone(),
        ["name"] = device["name"]?.DeepClone(),
        ["location"] = device["location"]?.DeepClone(),
        ["last_seen"] = device["lastSeen"]?.DeepClone(),
        ["created_at"] = device["createdAt"]?.DeepClone(),
        ["mapped_from"] = device["currentPhysicalDevice"]?.DeepClone(),
    }.WithProperties(device, withProperties);

    /// <summary>broker-cli's JSON → PhysicalDeviceInput; fields it prints but nobody sets (uid, created_at...) are ignored.</summary>
    public static JsonObject ToPhysicalInput(JsonObject device) => Input(device, new()
    {
        ["source_name"] = ("source", Text), ["source"] = ("source", Text), ["name"] = ("name", Text),
        ["location"] = ("location", Location), ["last_seen"] = ("lastSeen", Timestamp),
        ["source_ids"] = ("sourceIds", ObjectText), ["properties"] = ("properties", ObjectText),
    });

    public static JsonObject ToLogicalInput(JsonObject device) => Input(device, new()
    {
        ["name"] = ("name", Text), ["location"] = ("location", Location), ["last_seen"] = ("lastSeen", Timestamp),
        ["properties"] = ("properties", ObjectText),
    });

    private static readonly HashSet<string> ReadOnlyFields = ["uid", "created_at", "mapped_to", "mapped_from"];

    private static JsonObject Input(JsonObject device, Dictionary<string, (string Name, Func<string, JsonNode?, JsonNode?> Convert)> fields)
    {
        var input = new JsonObject();
        foreach (var (key, value) in device)
        {
            if (fields.TryGetValue(key, out var field))
            {
                input[field.Name] = field.Convert(key, value);
            }
            else if (!ReadOnlyFields.Contains(key))
            {
                throw new UsageException($"Unknown device field '{key}'. Known: {string.Join(", ", fields.Keys)}.");
            }
        }

        return input;
    }

    private static JsonObject WithProperties(this JsonObject device, JsonNode source, bool withProperties)
    {
        if (withProperties)
        {
            device["properties"] = ParseText(source["properties"]);
        }

        return device;
    }

    private static JsonNode? ParseText(JsonNode? text) => text is null ? null : JsonNode.Parse(text.GetValue<string>());

    private static JsonNode? Text(string key, JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) ? text : throw new UsageException($"'{key}' must be a string.");

    private static JsonNode? ObjectText(string key, JsonNode? value) =>
        value is JsonObject ? value.ToJsonString() : throw new UsageException($"'{key}' must be a JSON object.");

    private static JsonNode? Location(string key, JsonNode? value) =>
        value is JsonObject { Count: 2 } location && location["lat"] is JsonValue && location["long"] is JsonValue
            ? location.DeepClone()
            : throw new UsageException($"'{key}' must be {{\"lat\": <number>, \"long\": <number>}}.");

    /// <summary>broker-cli accepts "2022-05-06T10:30+10:00" (no seconds); the Api wants a full ISO-8601 timestamp.</summary>
    private static JsonNode? Timestamp(string key, JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
            ? at.ToString("O", System.Globalization.CultureInfo.InvariantCulture)
            : throw new UsageException($"'{key}' must be an ISO-8601 timestamp.");
}
