using System.Text.Encodings.Web;
using GraphQL;
using IoTStack.Api.GraphQL;
using IoTStack.Api.GraphQL.Access;
using IoTStack.Api.GraphQL.DataLoading;
using IoTStack.Api.GraphQL.Ide;
using IoTStack.Api.GraphQL.Limits;
using IoTStack.Api.GraphQL.Transport;
using IoTStack.Api.GraphQL.WebSockets;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class GraphQLSetup
{
    /// <summary>The schema, its limits and authorisation, and the HTTP and WebSocket transports.</summary>
    public static WebApplicationBuilder AddIoTStackGraphQL(this WebApplicationBuilder builder)
    {
        builder.Services.AddIoTStackGraphQLSchema();
        builder.Services.AddOptions<QueryLimits>().BindConfiguration(QueryLimits.Section);
        builder.Services.AddSingleton<GraphQLHttpRequestReader>();
        builder.Services.AddSingleton<GraphQLWebSocketEndpoint>();
        return builder;
    }

    /// <summary>The schema and its executor, without any transport (what the unit tests exercise).</summary>
    public static IServiceCollection AddIoTStackGraphQLSchema(this IServiceCollection services)
    {
        services.AddScoped<DeviceLoaders>();
        services.AddSingleton<GraphQLRequestExecutor>();
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<IoTStackSchema>()
            .AddGraphTypes(typeof(IoTStackSchema).Assembly)
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping) // responses are JSON, never HTML
            .AddValidationRule<FieldAuthorizationRule>()
            .AddValidationRule(provider => new QueryLimitsRule(provider.GetRequiredService<IOptions<QueryLimits>>().Value))
            .AddErrorInfoProvider(options => options.ExposeCode = true)
            .AddUnhandledExceptionHandler(context => context.Exception = DatabaseErrors.Translate(context.OriginalException) ?? context.Exception));
        return services;
    }

    public static WebApplication MapIoTStackGraphQL(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseGraphQLIdeAssets();
        app.MapGraphQLEndpoint();
        return app;
    }
}
