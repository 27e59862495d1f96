using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace IoTStack.Api.GraphQL.Limits;

/// <summary>
/// GraphQL.NET's complexity analysis, reporting depth and complexity breaches under distinct codes
/// (<c>MAX_DEPTH_EXCEEDED</c>, <c>MAX_COMPLEXITY_EXCEEDED</c>) so clients can tell them apart. A query of the schema
/// alone is measured by <see cref="SchemaQueryLimit"/> instead of the complexity estimate, so IDEs can load the schema.
/// </summary>
public sealed class QueryLimitsRule(QueryLimits limits) : ComplexityValidationRule(MeasureOnly(limits))
{
    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        var schemaQuery = SchemaQueryLimit.IsSchemaQuery(context.Operation);
        var depthLimit = schemaQuery ? limits.MaxIntrospectionDepth : limits.MaxDepth;
        if (maxDepth > depthLimit)
        {
            Report(context, ApiErrors.MaxDepthExceeded, $"The query is {maxDepth} levels deep; at most {depthLimit} are allowed.");
        }
        else if (schemaQuery && SchemaQueryLimit.Reentries(context.Document, context.Operation.SelectionSet) is var reentries and > SchemaQueryLimit.MaxReentries)
        {
            Report(context, ApiErrors.MaxComplexityExceeded,
                $"The schema query nests fields, inputFields, interfaces or possibleTypes {reentries} deep; at most {SchemaQueryLimit.MaxReentries} are allowed.");
        }
        else if (!schemaQuery && totalComplexity > limits.MaxComplexity)
        {
            Report(context, ApiErrors.MaxComplexityExceeded, $"The query's complexity is {totalComplexity:0}; at most {limits.MaxComplexity:0} is allowed.");
        }

        return default;
    }

    private static void Report(ValidationContext context, string code, string message) =>
        context.ReportError(new ValidationError(message) { Code = code });

    private static ComplexityOptions MeasureOnly(QueryLimits limits) => new()
    {
        // The checks happen above, with our codes; the base class only measures.
        MaxDepth = null,
        MaxComplexity = null,
        DefaultListImpactMultiplier = limits.AssumedListSize,
    };
}
