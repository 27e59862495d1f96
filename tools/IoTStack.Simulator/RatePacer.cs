namespace IoTStack.Simulator;

/// <summary>
/// How many messages should have been sent after a given elapsed time: a linear ramp from zero to the target rate,
/// then the target rate. Senders compare this with what they sent, so bursts after a stall catch up smoothly.
/// </summary>
public sealed class RatePacer(double targetRate, TimeSpan ramp)
{
    public double TargetRate { get; } = targetRate;

    public double DueBy(TimeSpan elapsed)
    {
        var t = elapsed.TotalSeconds;
        var r = ramp.TotalSeconds;
        if (r <= 0 || t >= r)
        {
            // The ramp's area is half of what the full rate would have sent during it.
            return TargetRate * (Math.Max(t - r, 0) + (r > 0 ? r / 2 : 0));
        }

        return TargetRate * t * t / (2 * r);
    }

    /// <summary>Instantaneous rate at that time (for the progress line).</summary>
    public double RateAt(TimeSpan elapsed) =>
        ramp <= TimeSpan.Zero || elapsed >= ramp ? TargetRate : TargetRate * elapsed / ramp;
}
