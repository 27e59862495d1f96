using System.Text.Json;
using System.Text.Json.Serialization;

namespace IoTStack.Api.GraphQL.Paging;

/// <summary>
/// A cursor is the opaque form of a row's keyset position: the values of the unique key its list is ordered by
/// (a uid, a name, a time and an id). Paging continues after that key, not after a count of rows, so a page stays
/// stable while rows are added or removed elsewhere in the list.
/// </summary>
public static class Cursors
{
    // Strict, so that only a key of the list's own shape decodes: a made-up cursor, or one from another kind of list, is refused.
    private static readonly JsonSerializerOptions KeyShape = new()
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string Encode<TKey>(TKey key) where TKey : notnull =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(key, KeyShape));

    /// <summary>
    /// The key a cursor stands for; without a cursor, <c>default</c>: null for a record key, 0 for a uid (uids start at 1).
    /// </summary>
    public static TKey? DecodeAfter<TKey>(string? cursor) where TKey : notnull
    {
        if (cursor is null)
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<TKey>(Convert.FromBase64String(cursor), KeyShape)
                ?? throw new JsonException("A cursor never stands for null.");
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            throw ApiErrors.BadInput($"'{cursor}' is not a cursor this list issued.");
        }
    }
}
