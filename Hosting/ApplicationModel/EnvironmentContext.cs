namespace IoTStack.Hosting;

/// <summary>What an environment callback fills in: the variables of one replica, for a run or for the manifest.</summary>
public sealed class EnvironmentContext(bool isPublishMode, int replica = 0)
{
    public IDictionary<string, IValueProvider> Variables { get; } = new SortedDictionary<string, IValueProvider>(StringComparer.Ordinal);

    public bool IsPublishMode { get; } = isPublishMode;

    /// <summary>Which replica the variables are for (ports differ per replica).</summary>
    public int Replica { get; } = replica;

    public void Set(string name, IValueProvider value) => Variables[name] = value;

    public void Set(string name, string value) => Variables[name] = new ValueLiteral(value);

    public static IDictionary<string, IValueProvider> Build(Resource resource, bool isPublishMode, int replica = 0)
    {
        var context = new EnvironmentContext(isPublishMode, replica);
        foreach (var callback in resource.EnvironmentCallbacks)
        {
            callback(context);
        }

        return context.Variables;
    }
}
