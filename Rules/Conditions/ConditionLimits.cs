namespace IoTStack.Rules.Conditions;

/// <summary>
/// Bounds that keep the cost of one evaluation small and predictable: evaluation is a single walk of the tree,
/// so its cost is proportional to the node count, which these cap.
/// </summary>
public static class ConditionLimits
{
    public const int MaxLength = 2000;

    public const int MaxNesting = 32;

    public const int MaxPathSegments = 8;
}
