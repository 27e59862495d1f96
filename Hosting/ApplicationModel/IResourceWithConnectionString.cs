namespace IoTStack.Hosting;

/// <summary>A resource that services reach through <c>ConnectionStrings__{name}</c>.</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }

    ReferenceExpression ConnectionStringExpression { get; }

    /// <summary>The Aspire "connection properties", injected as <c>{NAME}_{PROPERTY}</c> (HOST, PORT, USERNAME, ...).</summary>
    IEnumerable<KeyValuePair<string, IValueProvider>> ConnectionProperties { get; }
}
