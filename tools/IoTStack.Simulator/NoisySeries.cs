namespace IoTStack.Simulator;

/// <summary>
/// A device's readings: temperature with a daily cycle, humidity anti-correlated with it, a slowly draining
/// battery, each with Gaussian noise; seeded per device so runs are reproducible.
/// </summary>
public sealed class NoisySeries(int seed)
{
    private static readonly string[] Names = ["temperature", "humidity", "battery"];
    private readonly Random _random = new(seed);
    private readonly double _offset = seed % 7;
    private double _battery = 4.2;

    public static string NameOf(int index) => index < Names.Length ? Names[index] : $"channel{index}";

    public double Next(int index, DateTimeOffset at)
    {
        var day = 2 * Math.PI * at.TimeOfDay.TotalHours / 24;
        return index switch
        {
            0 => Math.Round(18 + _offset + 5 * Math.Sin(day) + Gaussian(0.3), 2),
            1 => Math.Round(Math.Clamp(55 - 15 * Math.Sin(day) + Gaussian(2), 0, 100), 1),
            2 => Math.Round(_battery = Math.Max(3.0, _battery - 0.00001) + Gaussian(0.005), 3),
            _ => Math.Round(100 * Math.Sin(day + index) + Gaussian(1), 3),
        };
    }

    // Box–Muller: Random has no normal distribution of its own.
    private double Gaussian(double sigma) =>
        sigma * Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
