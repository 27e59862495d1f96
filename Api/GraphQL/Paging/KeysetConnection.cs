using GraphQL.Builders;
using GraphQL.Types.Relay.DataObjects;
using IoTStack.Api.GraphQL.Limits;

namespace IoTStack.Api.GraphQL.Paging;

/// <summary>
/// Resolves a Relay connection (<c>first</c>, <c>after</c>) from a keyset query: every list field pages the same way,
/// with the same page-size limit and cursors, and only says how to fetch rows after a key and what a row's key is.
/// </summary>
public static class KeysetConnection
{
    /// <param name="fetch">Reads at most <c>take</c> rows after the key (or from the start when it is null/0), in the list's order.</param>
    /// <param name="keyOf">The row's position in that order: its unique key.</param>
    /// <typeparam name="TSource">The parent object: null for a top-level field, e.g. a report definition for its runs.</typeparam>
    public static void ResolveKeysetAsync<TSource, TRow, TKey>(
        this ConnectionBuilder<TSource> connection,
        Func<IResolveConnectionContext<TSource>, TKey?, int, Task<IReadOnlyList<TRow>>> fetch,
        Func<TRow, TKey> keyOf)
        where TKey : notnull =>
        connection.ResolveAsync(async context =>
        {
            var size = PageSize.Of(context, context.First);
            var after = Cursors.DecodeAfter<TKey>(context.After);
            // One row more than the page tells whether another page follows.
            var rows = await fetch(context, after, size + 1);
            return ToConnection(rows, size, context.After is null, keyOf);
        });

    private static Connection<TRow> ToConnection<TRow, TKey>(IReadOnlyList<TRow> rowsPlusOne, int pageSize, bool isFirstPage, Func<TRow, TKey> keyOf)
        where TKey : notnull
    {
        var edges = rowsPlusOne.Take(pageSize).Select(row => new Edge<TRow> { Node = row, Cursor = Cursors.Encode(keyOf(row)) }).ToList();
        return new Connection<TRow>
        {
            Edges = edges,
            PageInfo = new PageInfo
            {
                HasNextPage = rowsPlusOne.Count > pageSize,
                HasPreviousPage = !isFirstPage,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }
}
