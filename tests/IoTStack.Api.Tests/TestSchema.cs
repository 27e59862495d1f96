using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;
using IoTStack.Api.Auth;
using IoTStack.Api.Devices;
using IoTStack.Api.Devices.Standalone;
using IoTStack.Api.GraphQL;
using IoTStack.Api.GraphQL.Limits;
using IoTStack.Api.GraphQL.Transport;
using IoTStack.Rules.Persistence;
using IoTStack.Storage.Devices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace IoTStack.Api.Tests;

/// <summary>
/// The production schema wired as the API wires it, with a database address that refuses connections:
/// anything that gets past validation fails in its resolver, which is all these tests need to tell apart.
/// </summary>
public sealed class TestSchema : IDisposable
{
    public TestSchema(Action<QueryLimits>? limits = null, Action<IServiceCollection>? replace = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Timeout=1;Username=none;Database=none"));
        services.AddSingleton<UserPasswords>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<ConsumerStore>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CredentialStore>();
        services.AddDeviceRegistryStores();
        services.AddStandaloneDeviceServices();
        services.AddSingleton<IDeviceTokens, CredentialDeviceTokens>();
        services.AddSingleton<RuleDocumentStore>();
        services.AddOptions<QueryLimits>().Configure(options => limits?.Invoke(options));
        services.AddIoTStackGraphQLSchema();
        replace?.Invoke(services);
        Services = services.BuildServiceProvider();
    }

    public ServiceProvider Services { get; }

    public InProcessTelemetryFeed Telemetry => Services.GetRequiredService<InProcessTelemetryFeed>();

    public IGraphQLTextSerializer Serializer => Services.GetRequiredService<IGraphQLTextSerializer>();

    public static ClaimsPrincipal Anonymous => new(new ClaimsIdentity());

    public static ClaimsPrincipal User(string role) => CallerClaims.ForUser("someone-" + role, role);

    public static ClaimsPrincipal Consumer => CallerClaims.ForConsumer(7, "a-consumer");

    public async Task<ExecutionResult> ExecuteAsync(string query, ClaimsPrincipal caller, Inputs? variables = null)
    {
        await using var scope = Services.CreateAsyncScope();
        return await Services.GetRequiredService<GraphQLRequestExecutor>().ExecuteAsync(
            new GraphQLRequest { Query = query, Variables = variables }, caller, scope.ServiceProvider, streaming: false, CancellationToken.None);
    }

    public static IReadOnlyList<string?> Codes(ExecutionResult result) => result.Errors?.Select(error => error.Code).ToList() ?? [];

    public void Dispose() => Services.Dispose();
}
