using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace IoTStack.Api.GraphQL.Limits;

/// <summary>
/// GraphQL.NET's complexity analysis, reporting depth and complexity breaches under distinct codes
/// (<c>MAX_DEPTH_EXCEEDED</c>, <c>MAX_COMPLEXITY_EXCEEDED</c>) so clients can tell them apart.
/// </summary>
public sealed class QueryLimitsRule(QueryLimits limits) : ComplexityValidationRule(MeasureOnly(limits))
{
    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        if (maxDepth > limits.MaxDepth)
        {
            context.ReportError(new ValidationError($"The query is {maxDepth} levels deep; at most {limits.MaxDepth} are allowed.")
            {
                Code = ApiErrors.MaxDepthExceeded,
            });
        }
        else if (totalComplexity > limits.MaxComplexity)
        {
            context.ReportError(new ValidationError($"The query's complexity is {totalComplexity:0}; at most {limits.MaxComplexity:0} is allowed.")
            {
                Code = ApiErrors.MaxComplexityExceeded,
            });
        }

        return default;
    }

    private static ComplexityOptions MeasureOnly(QueryLimits limits) => new()
    {
        // The checks happen above, with our codes; the base class only measures.
        MaxDepth = null,
        MaxComplexity = null,
        DefaultListImpactMultiplier = limits.AssumedListSize,
    };
}
