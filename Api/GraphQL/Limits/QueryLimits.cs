namespace IoTStack.Api.GraphQL.Limits;

/// <summary>The <c>GraphQL</c> configuration section: what one request may ask of the server.</summary>
public sealed class QueryLimits
{
    public const string Section = "GraphQL";

    public int MaxDepth { get; set; } = 12;

    /// <summary>
    /// The depth allowed to a query of the schema alone: IDEs unwrap type references nine <c>ofType</c>s deep (15
    /// levels in all). Such a chain is a single object per level; the complexity limit still bounds the lists.
    /// </summary>
    public int MaxIntrospectionDepth { get; set; } = 20;

    public double MaxComplexity { get; set; } = 50_000;

    /// <summary>The size complexity analysis assumes for a list that has no <c>first</c> argument.</summary>
    public int AssumedListSize { get; set; } = 10;

    /// <summary>The largest <c>first</c> (and <c>limit</c>) a list accepts; the default page is <see cref="DefaultPageSize"/>.</summary>
    public int MaxPageSize { get; set; } = 500;

    public int DefaultPageSize { get; set; } = 50;

    /// <summary>The largest number of rows one <c>series</c> call returns.</summary>
    public int MaxSeriesRows { get; set; } = 100_000;

    /// <summary>How long a query or mutation may run; subscriptions stream for as long as the client stays.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
