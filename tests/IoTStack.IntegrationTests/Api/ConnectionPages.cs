using System.Text.Json;

namespace IoTStack.IntegrationTests.Api;

/// <summary>Reads and checks Relay connections as a client pages through them.</summary>
public static class ConnectionPages
{
    /// <summary>What every paging test asks of a connection's pageInfo.</summary>
    public const string PageInfoFields = "pageInfo { hasNextPage hasPreviousPage endCursor }";

    /// <summary>
    /// Reads a connection to its end, page by page as a client does. <paramref name="query"/> declares <c>$first: Int!</c>
    /// and <c>$after: String</c> and selects <c>edges { cursor node { … } } pageInfo { hasNextPage hasPreviousPage endCursor }</c>.
    /// <paramref name="connectionOf"/> finds a nested connection in the data (default: the top-level <paramref name="field"/>).
    /// </summary>
    public static async Task<IReadOnlyList<JsonElement>> PagesAsync(
        this ApiClient api, string query, string field, string token, int first, string? after = null, object? variables = null,
        Func<JsonElement, JsonElement>? connectionOf = null)
    {
        var pageVariables = JsonSerializer.SerializeToNode(variables ?? new { })!.AsObject();
        pageVariables["first"] = first;
        var pages = new List<JsonElement>();
        do
        {
            pageVariables["after"] = after;
            var data = await api.DataAsync(query, token, pageVariables);
            var page = connectionOf?.Invoke(data) ?? data.GetProperty(field);
            pages.Add(page);
            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
            Assert.True(pages.Count < 1000, $"{field} never reached its last page.");
        }
        while (pages[^1].GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());

        return pages;
    }

    public static IEnumerable<JsonElement> Nodes(IEnumerable<JsonElement> pages) =>
        pages.SelectMany(page => page.GetProperty("edges").EnumerateArray()).Select(edge => edge.GetProperty("node"));

    /// <summary>Full pages until the last, which alone says no page follows; only the first says none precedes.</summary>
    public static void AssertPaged(IReadOnlyList<JsonElement> pages, int pageSize)
    {
        Assert.True(pages.Count > 1, "The list fits one page; the test needs more rows.");
        for (var i = 0; i < pages.Count; i++)
        {
            var (edges, info) = (pages[i].GetProperty("edges"), pages[i].GetProperty("pageInfo"));
            var isLast = i == pages.Count - 1;
            var count = edges.GetArrayLength();
            Assert.True(isLast ? count >= 1 && count <= pageSize : count == pageSize, $"page {i} has {count} edges");
            Assert.Equal(!isLast, info.GetProperty("hasNextPage").GetBoolean());
            Assert.Equal(i > 0, info.GetProperty("hasPreviousPage").GetBoolean());
            Assert.Equal(edges[count - 1].GetProperty("cursor").GetString(), info.GetProperty("endCursor").GetString());
        }
    }
}
