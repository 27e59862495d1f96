using GraphQL;
using Microsoft.Extensions.Options;

namespace IoTStack.Api.GraphQL.Limits;

/// <summary>Resolves the page size a list field was asked for, refusing more than the configured maximum.</summary>
public static class PageSize
{
    public static int Of(IResolveFieldContext context, int? requested)
    {
        var limits = context.RequestServices!.GetRequiredService<IOptions<QueryLimits>>().Value;
        return requested switch
        {
            null => limits.DefaultPageSize,
            < 0 => throw ApiErrors.BadInput("A page size cannot be negative."),
            var size when size > limits.MaxPageSize => throw ApiErrors.PageTooLarge($"A page holds at most {limits.MaxPageSize} items; {size} were asked for."),
            var size => size.Value,
        };
    }
}
