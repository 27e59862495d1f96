using IoTStack.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;

namespace IoTStack.IntegrationTests.Silo.Storage;

/// <summary>
/// Runs Orleans' own ADO.NET clustering, grain storage and reminder providers against our migrations 0100-0103:
/// a two-silo cluster forms through the membership table, state survives a deactivation, reminders are stored.
/// </summary>
[Collection(IoTStackFixture.Collection)]
public sealed class OrleansProviderContractTests(IoTStackFixture fixture) : IAsyncLifetime
{
    private static string? _connectionString;
    private NpgsqlDataSource _database = null!;
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _database = await ScratchDatabase.CreateMigratedAsync(fixture.Stack, "orleans_contract");
        _connectionString = _database.ConnectionString;
        var builder = new TestClusterBuilder(2);
        builder.Options.UseTestClusterMembership = false;
        builder.AddSiloBuilderConfigurator<AdoNetSilo>();
        builder.AddClientBuilderConfigurator<AdoNetClient>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Membership_grain_state_and_reminders_work_on_our_schema()
    {
        Assert.Equal(2, await _database.ScalarAsync("SELECT count(*) FROM orleans_membership WHERE status = 3"));

        var probe = _cluster.Client.GetGrain<IContractProbeGrain>(42);
        await probe.SaveAsync("first");
        await probe.SaveAsync("second");
        await probe.DeactivateAsync();
        Assert.Equal("second", await probe.LoadAsync());
        Assert.Equal(2, await _database.ScalarAsync("SELECT version FROM orleans_grain_state WHERE grain_id_n1 = 42"));

        await probe.RemindAsync();
        Assert.Equal(1, await _database.ScalarAsync("SELECT count(*) FROM orleans_reminders WHERE reminder_name = 'probe'"));
        await probe.ForgetAsync();
        Assert.Equal(0, await _database.ScalarAsync("SELECT count(*) FROM orleans_reminders WHERE reminder_name = 'probe'"));

        await probe.ClearAsync();
        Assert.Null(await probe.LoadAsync());
    }

    private sealed class AdoNetSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder
            .UseAdoNetClustering(options => (options.Invariant, options.ConnectionString) = ("Npgsql", _connectionString))
            .AddAdoNetGrainStorage(ContractProbeGrain.StorageName, options => (options.Invariant, options.ConnectionString) = ("Npgsql", _connectionString))
            .UseAdoNetReminderService(options => (options.Invariant, options.ConnectionString) = ("Npgsql", _connectionString));
    }

    private sealed class AdoNetClient : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UseAdoNetClustering(options => (options.Invariant, options.ConnectionString) = ("Npgsql", _connectionString));
    }
}
