using GraphQL;

namespace IoTStack.Api.GraphQL;

/// <summary>The error codes clients can rely on (in <c>errors[].extensions.code</c>), and errors that carry them.</summary>
public static class ApiErrors
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT_FOUND";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string Unavailable = "UNAVAILABLE";
    public const string PageSizeExceeded = "PAGE_SIZE_EXCEEDED";
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    public const string MaxComplexityExceeded = "MAX_COMPLEXITY_EXCEEDED";
    public const string Timeout = "TIMEOUT";
    public const string InvalidRuleDocument = "INVALID_RULE_DOCUMENT";

    public static ExecutionError NotFoundError(string what) => new($"{what} does not exist.") { Code = NotFound };

    public static ExecutionError BadInput(string message) => new(message) { Code = BadUserInput };

    public static ExecutionError PageTooLarge(string message) => new(message) { Code = PageSizeExceeded };

    public static ExecutionError ForbiddenError(string message) => new(message) { Code = Forbidden };

    /// <summary>Every problem of a refused rule document ("filter 1 (house/#), statement 2, condition column 14: …"), also listed in extensions.data.errors.</summary>
    public static ExecutionError InvalidRuleDocumentError(IReadOnlyList<string> problems)
    {
        var error = new ExecutionError("The rule document is not valid: " + string.Join("; ", problems)) { Code = InvalidRuleDocument };
        error.Data["errors"] = problems;
        return error;
    }

    public static ExecutionError UnavailableError(string what) =>
        new($"The {what} service is not available (it is provided by the Silo).") { Code = Unavailable };
}
