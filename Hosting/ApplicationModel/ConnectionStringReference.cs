namespace IoTStack.Hosting;

/// <summary>A resource's connection string: its value at run time, <c>{name.connectionString}</c> in the manifest.</summary>
public sealed class ConnectionStringReference(IResourceWithConnectionString resource) : IValueProvider
{
    public string GetValue() => resource.ConnectionStringExpression.GetValue();

    public string ManifestExpression => $"{{{resource.Name}.connectionString}}";
}
