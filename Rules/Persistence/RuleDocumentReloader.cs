using IoTStack.Rules.Documents;
using IoTStack.Rules.Engine;
using IoTStack.Storage.Notifications;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IoTStack.Rules.Persistence;

/// <summary>Loads every stored document into the engine at start and again whenever <c>rule_documents</c> changes.</summary>
public sealed partial class RuleDocumentReloader(NpgsqlDataSource dataSource, RuleDocumentStore store, RuleEngine engine, ILogger<RuleDocumentReloader> logger)
    : ChangeFeed(dataSource, logger, Channel)
{
    public const string Channel = "iotstack_rule_documents";

    protected override async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var compiled = new List<CompiledDocument>();
        foreach (var stored in await store.ListAsync(cancellationToken))
        {
            try
            {
                compiled.Add(RuleDocumentCompiler.Compile(stored.Name, stored.Json));
            }
            catch (RuleDocumentException exception)
            {
                // Saved documents were checked on save; this only happens if the language got stricter since.
                LogSkipped(logger, stored.Name, exception.Message);
            }
        }

        engine.Load(compiled);
        LogLoaded(logger, compiled.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} rule documents")]
    private static partial void LogLoaded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rule document {Name} no longer compiles and is not evaluated: {Errors}")]
    private static partial void LogSkipped(ILogger logger, string name, string errors);
}
