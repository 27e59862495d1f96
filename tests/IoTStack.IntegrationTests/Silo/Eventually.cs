namespace IoTStack.IntegrationTests.Silo;

public static class Eventually
{
    /// <summary>Re-evaluates <paramref name="probe"/> every 100 ms until it holds or the deadline passes; returns the last value.</summary>
    public static async Task<T> PollAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow + timeout;
        var value = await probe();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            value = await probe();
        }

        return value;
    }
}
