using GraphQL;

namespace IoTStack.Api.GraphQL;

public static class ResolveContextExtensions
{
    /// <summary>A service from the request's scope (the HTTP request, or the WebSocket operation).</summary>
    public static T Service<T>(this IResolveFieldContext context) where T : notnull => context.RequestServices!.GetRequiredService<T>();
}
