using IoTStack.Api.GraphQL;

namespace IoTStack.Api.Devices.Standalone;

/// <summary>Dead letters live in the Silo's dead-letter service; without a Silo the API says so instead of guessing.</summary>
public sealed class UnavailableDeadLetters : IDeadLetters
{
    public Task<IReadOnlyList<DeadLetter>> PageAsync(DeadLetterKey? after, int take, CancellationToken cancellationToken) => throw ApiErrors.UnavailableError("dead letters");

    public Task<bool> RequeueAsync(string id, CancellationToken cancellationToken) => throw ApiErrors.UnavailableError("dead letters");
}
