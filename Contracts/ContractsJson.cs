using System.Text.Json;

namespace IoTStack.Contracts;

public static class ContractsJson
{
    /// <summary>Options for the wire format between services: exact property names, no indentation.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
    };
}
