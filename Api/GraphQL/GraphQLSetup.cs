using GraphQL;
using IoTStack.Api.GraphQL;
using IoTStack.Api.GraphQL.Access;
using IoTStack.Api.GraphQL.DataLoading;
using IoTStack.Api.GraphQL.Limits;
using IoTStack.Api.GraphQL.Transport;
using IoTStack.Api.GraphQL.WebSockets;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class GraphQLSetup
{
    /// <summary>The schema, its limits and authorisation, and the HTTP and WebSocket transports.</summary>
    public static WebApplicationBuilder AddIoTStackGraphQL(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<QueryLimits>().BindConfiguration(QueryLimits.Section);
        builder.Services.AddScoped<DeviceLoaders>();
        builder.Services.AddSingleton<GraphQLRequestExecutor>();
        builder.Services.AddSingleton<GraphQLHttpRequestReader>();
        builder.Services.AddSingleton<GraphQLWebSocketEndpoint>();
        builder.Services.AddGraphQL(graphQL => graphQL
            .AddSchema<IoTStackSchema>()
            .AddGraphTypes(typeof(IoTStackSchema).Assembly)
            .AddSystemTextJson()
            .AddValidationRule<FieldAuthorizationRule>()
            .AddValidationRule(services => new QueryLimitsRule(services.GetRequiredService<IOptions<QueryLimits>>().Value))
            .AddErrorInfoProvider(options => options.ExposeCode = true)
            .AddUnhandledExceptionHandler(context => context.Exception = DatabaseErrors.Translate(context.OriginalException) ?? context.Exception));
        return builder;
    }

    public static WebApplication MapIoTStackGraphQL(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.MapGraphQLEndpoint();
        return app;
    }
}
