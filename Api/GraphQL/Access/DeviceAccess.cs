using GraphQL;
using IoTStack.Api.Auth;

namespace IoTStack.Api.GraphQL.Access;

/// <summary>
/// The grant check behind <see cref="AccessMetadata.AllowConsumers{T}"/>: users read every device,
/// a consumer only the logical devices it was granted.
/// </summary>
public static class DeviceAccess
{
    public static async Task EnsureCanReadLogicalAsync(this IResolveFieldContext context, long logicalUid)
    {
        if (context.User.GetConsumerId() is not { } consumerId)
        {
            return;
        }

        var consumers = context.RequestServices!.GetRequiredService<ConsumerStore>();
        if (!await consumers.IsGrantedAsync(consumerId, logicalUid, context.CancellationToken))
        {
            throw ApiErrors.ForbiddenError($"This API key was not granted logical device {logicalUid}.");
        }
    }
}
