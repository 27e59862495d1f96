using System.Text.Json.Nodes;

namespace IoTStack.Cli.Api;

/// <summary>Reads every page of a GraphQL connection (the Api caps a page at 500), so 'ls' lists the whole list.</summary>
public static class Connections
{
    private const int PageSize = 500;

    /// <param name="field">The connection field, e.g. "physicalDevices".</param>
    /// <param name="arguments">Extra arguments as GraphQL text with variables, e.g. "source: $source".</param>
    /// <param name="variableDeclarations">Declarations of those variables, e.g. ", $source: String".</param>
    /// <param name="atMost">Stop after this many nodes (null: read to the end).</param>
    public static async Task<JsonArray> AllAsync(
        GraphQLClient client, string field, string nodeFields, string arguments = "", string variableDeclarations = "",
        Dictionary<string, object?>? variables = null, int? atMost = null, CancellationToken cancellationToken = default)
    {
        var separator = arguments.Length > 0 ? ", " : "";
        var query = $"query($first: Int, $after: String{variableDeclarations}) {{ {field}(first: $first, after: $after{separator}{arguments}) "
            + $"{{ edges {{ node {{ {nodeFields} }} }} pageInfo {{ hasNextPage endCursor }} }} }}";
        var nodes = new JsonArray();
        var pageVariables = new Dictionary<string, object?>(variables ?? []);
        while (true)
        {
            pageVariables["first"] = Math.Min(PageSize, (atMost ?? int.MaxValue) - nodes.Count);
            var page = (await client.SendAsync(query, pageVariables, cancellationToken))[field]!;
            foreach (var edge in page["edges"]!.AsArray())
            {
                nodes.Add(edge!["node"]!.DeepClone());
            }

            if (page["pageInfo"]?["hasNextPage"]?.GetValue<bool>() != true || nodes.Count >= atMost)
            {
                return nodes;
            }

            pageVariables["after"] = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
    }
}
