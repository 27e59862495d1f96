using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using IoTStack.Api.Auth;

namespace IoTStack.Api.GraphQL.Access;

/// <summary>
/// Checks every selected field before anything executes: a root field without role metadata is refused for
/// everyone (fail closed); any field whose own metadata or whose type's metadata names roles needs a caller in one
/// of them. Anonymous callers get <c>UNAUTHENTICATED</c>, the wrong role <c>FORBIDDEN</c>.
/// GraphQL.NET carries the metadata but leaves enforcement to the server package, which is not served, so it is here.
/// </summary>
public sealed class FieldAuthorizationRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLField>((field, validation) => Check(field, validation)));

    private static void Check(GraphQLField node, ValidationContext context)
    {
        var field = context.TypeInfo.GetFieldDef();
        var parent = context.TypeInfo.GetParentType();
        if (field is null || parent is null || field.Name.StartsWith("__", StringComparison.Ordinal))
        {
            return; // unknown fields are reported by the core rules; introspection is open to all
        }

        var isRoot = parent == context.Schema.Query || parent == context.Schema.Mutation || parent == context.Schema.Subscription;
        var fieldRoles = field.GetRoles() ?? [];
        var typeRoles = field.ResolvedType?.GetNamedType().GetRoles() ?? [];
        if (!isRoot && fieldRoles.Count == 0 && typeRoles.Count == 0)
        {
            return;
        }

        var caller = context.User;
        if (!caller.IsAuthenticated())
        {
            context.ReportError(Error(context, node, ApiErrors.Unauthenticated, $"Sign in to use '{field.Name}'."));
            return;
        }

        // The field and its type must both admit the caller; a root field that names no role admits nobody.
        var fieldAdmits = fieldRoles.Count > 0 ? fieldRoles.Any(role => caller!.HasClaim(CallerClaims.Role, role)) : !isRoot;
        var typeAdmits = typeRoles.Count == 0 || typeRoles.Any(role => caller!.HasClaim(CallerClaims.Role, role));
        if (!fieldAdmits || !typeAdmits)
        {
            context.ReportError(Error(context, node, ApiErrors.Forbidden, $"Your role may not use '{field.Name}'."));
        }
    }

    private static ValidationError Error(ValidationContext context, ASTNode node, string code, string message) =>
        new(context.Document.Source, null, message, node) { Code = code };
}
