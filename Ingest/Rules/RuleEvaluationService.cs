using IoTStack.Rules.Engine;

namespace IoTStack.Ingest.Rules;

/// <summary>
/// Runs queued MQTT messages through the engine one at a time, in arrival order (rule memory depends on order),
/// and hands what fires to <see cref="RuleOutputDelivery"/>.
/// </summary>
public sealed partial class RuleEvaluationService(RuleInbox queue, RuleEngine engine, RuleOutputDelivery delivery, ILogger<RuleEvaluationService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var input in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                foreach (var output in engine.Evaluate(input.Topic, input.Payload))
                {
                    await delivery.DeliverAsync(output, stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception, input.Topic);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Evaluating the rules for a message on {Topic} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string topic);
}
