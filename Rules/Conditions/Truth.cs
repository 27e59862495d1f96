namespace IoTStack.Rules.Conditions;

/// <summary>
/// Three-valued result. <see cref="Unknown"/> stands where Python (the seed's fr_script) would raise: a missing
/// variable or an ordering between a number and a string. It propagates like an exception would (and/or still
/// short-circuit first), and a statement whose condition is not <see cref="True"/> does not match.
/// </summary>
public enum Truth
{
    False,
    True,
    Unknown,
}
