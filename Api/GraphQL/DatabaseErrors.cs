using GraphQL;
using Npgsql;

namespace IoTStack.Api.GraphQL;

/// <summary>
/// Constraint violations are answers about the caller's input (an unknown source, a taken name, a device still
/// referenced), so they become <c>BAD_USER_INPUT</c> errors instead of opaque server errors.
/// </summary>
public static class DatabaseErrors
{
    public static ExecutionError? Translate(Exception exception) => exception is PostgresException postgres
        ? postgres.SqlState switch
        {
            PostgresErrorCodes.ForeignKeyViolation => ApiErrors.BadInput($"A referenced item does not exist ({postgres.ConstraintName})."),
            PostgresErrorCodes.UniqueViolation => ApiErrors.BadInput($"That would duplicate an existing item ({postgres.ConstraintName})."),
            PostgresErrorCodes.CheckViolation or PostgresErrorCodes.NotNullViolation => ApiErrors.BadInput($"A value is not allowed ({postgres.ConstraintName})."),
            PostgresErrorCodes.InvalidTextRepresentation or PostgresErrorCodes.NumericValueOutOfRange => ApiErrors.BadInput("A value has the wrong form."),
            _ => null,
        }
        : null;
}
