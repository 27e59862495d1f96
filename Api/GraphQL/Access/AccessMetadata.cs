using GraphQL;
using GraphQL.Types;
using IoTStack.Api.Auth;

namespace IoTStack.Api.GraphQL.Access;

/// <summary>
/// Declares who may use a field, as GraphQL.NET role metadata that <see cref="FieldAuthorizationRule"/> enforces.
/// Roles are ranked, so "at least operator" lists operator and admin.
/// </summary>
public static class AccessMetadata
{
    public static TMetadataWriter RequireAtLeast<TMetadataWriter>(this TMetadataWriter element, string minimumRole)
        where TMetadataWriter : IMetadataWriter =>
        element.AuthorizeWithRoles(Roles.AtLeast(minimumRole));

    /// <summary>
    /// Lets consumers (API keys) use the field too; its resolver must check the consumer's grant for the device
    /// it reads (<see cref="DeviceAccess"/>).
    /// </summary>
    public static TMetadataWriter AllowConsumers<TMetadataWriter>(this TMetadataWriter element)
        where TMetadataWriter : IMetadataWriter =>
        element.AuthorizeWithRoles(Roles.Consumer);
}
