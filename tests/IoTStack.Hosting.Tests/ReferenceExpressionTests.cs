namespace IoTStack.Hosting.Tests;

public sealed class ReferenceExpressionTests
{
    [Fact]
    public void Yields_values_at_run_time_and_expressions_in_the_manifest()
    {
        var resource = new FakeResource("db", new FakeLauncher("true"));
        var endpoint = new EndpointAnnotation("tcp", "tcp", "tcp") { AllocatedPorts = [45678], Host = "127.0.0.1" };
        var port = new EndpointReference(resource, endpoint, EndpointProperty.Port);
        var host = new EndpointReference(resource, endpoint, EndpointProperty.Host);

        var expression = ReferenceExpression.Create($"Host={host};Port={port}");

        Assert.Equal("Host=127.0.0.1;Port=45678", expression.GetValue());
        Assert.Equal("Host={db.bindings.tcp.host};Port={db.bindings.tcp.port}", expression.ManifestExpression);
    }
}
