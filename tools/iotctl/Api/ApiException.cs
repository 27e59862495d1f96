namespace IoTStack.Cli.Api;

/// <summary>A failed operation: the Api refused or could not be reached. The message is shown as is (exit code 1).</summary>
public sealed class ApiException(string message) : Exception(message);
