using Xunit;

namespace IoTStack.Testing;

/// <summary>
/// One running stack shared by every test of an xunit collection. xunit only reads collection definitions from the
/// test assembly itself, so each test project declares (three lines):
/// <code>
/// [CollectionDefinition(IoTStackFixture.Collection)]
/// public sealed class IoTStackCollectionDefinition : ICollectionFixture&lt;IoTStackFixture&gt;;
/// </code>
/// and marks its test classes with <c>[Collection(IoTStackFixture.Collection)]</c>. Derive from this class and
/// override <see cref="Options"/> for another shape (for example two silos).
/// </summary>
public class IoTStackFixture : IAsyncLifetime
{
    public const string Collection = "IoTStack";

    private IoTStackTestApplication? _stack;

    public IoTStackTestApplication Stack => _stack ?? throw new InvalidOperationException("The stack has not started.");

    protected virtual IoTStackTestOptions Options => new();

    public async Task InitializeAsync() => _stack = await IoTStackTestApplication.StartAsync(Options);

    public async Task DisposeAsync()
    {
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }
}
