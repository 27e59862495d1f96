using System.Globalization;
using System.Text;
using GraphQL.Types.Relay.DataObjects;

namespace IoTStack.Api.GraphQL.Types;

/// <summary>
/// Relay connections over keyset pages: a cursor is the opaque form of the last uid seen, so a page stays stable
/// while devices are added or removed elsewhere in the list.
/// </summary>
public static class Cursors
{
    private const string Prefix = "uid:";

    public static string Encode(long uid) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + uid.ToString(CultureInfo.InvariantCulture)));

    public static long DecodeAfter(string? cursor)
    {
        if (cursor is null)
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
            {
                return uid;
            }
        }
        catch (FormatException)
        {
        }

        throw ApiErrors.BadInput($"'{cursor}' is not a cursor this API issued.");
    }

    /// <summary>Turns a page fetched with one extra row (to learn whether more follow) into a connection.</summary>
    public static Connection<T> ToConnection<T>(IReadOnlyList<T> rowsPlusOne, int pageSize, bool isFirstPage, Func<T, long> uidOf)
    {
        var edges = rowsPlusOne.Take(pageSize).Select(row => new Edge<T> { Node = row, Cursor = Encode(uidOf(row)) }).ToList();
        return new Connection<T>
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
