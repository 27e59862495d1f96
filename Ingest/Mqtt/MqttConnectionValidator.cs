using IoTStack.Ingest.Authentication;
using IoTStack.Storage.Devices;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace IoTStack.Ingest.Mqtt;

/// <summary>
/// CONNECT authentication: password = device token (or source secret); user name = the device's id or name, or
/// <c>JWT</c> (the TUM convention), or empty. Unknown secret → BadUserNameOrPassword; revoked, expired, or a user
/// name naming another device → NotAuthorized.
/// </summary>
public sealed class MqttConnectionValidator(DeviceAuthoriser authoriser)
{
    private const string TumUserName = "JWT";

    public async Task ValidateAsync(ValidatingConnectionEventArgs args)
    {
        if (string.IsNullOrEmpty(args.ClientId))
        {
            // MQTT 5 clients (mosquitto_pub among them) may leave the id to the server. MQTTnet only applies this for 5.0.
            args.AssignedClientIdentifier = "ingest-" + Guid.NewGuid().ToString("N");
        }

        if (string.IsNullOrEmpty(args.Password))
        {
            Refuse(args, MqttConnectReasonCode.BadUserNameOrPassword, "A device token is required as the password.");
            return;
        }

        CredentialVerification verification;
        try
        {
            verification = await authoriser.VerifyAsync(args.Password, args.CancellationToken);
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
        {
            Refuse(args, MqttConnectReasonCode.ServerUnavailable, "Credentials cannot be checked right now; retry later.");
            return;
        }

        switch (verification.Principal)
        {
            case null when verification.Status == CredentialStatus.Unknown:
                Refuse(args, MqttConnectReasonCode.BadUserNameOrPassword, "The token is not known.");
                return;
            case null:
                Refuse(args, MqttConnectReasonCode.NotAuthorized, $"The token is {verification.Status.ToString().ToLowerInvariant()}.");
                return;
            case DevicePrincipal device when !IsSelf(device, args.UserName):
                Refuse(args, MqttConnectReasonCode.NotAuthorized, $"This token may not connect as '{args.UserName}'.");
                return;
        }

        new MqttSessionState(args.Password, verification.Principal, args.ProtocolVersion).AttachTo(args.SessionItems);
        args.ReasonCode = MqttConnectReasonCode.Success;
    }

    private static bool IsSelf(DevicePrincipal device, string? userName) =>
        string.IsNullOrEmpty(userName) || userName == TumUserName || device.IsAddressedBy(userName);

    private static void Refuse(ValidatingConnectionEventArgs args, MqttConnectReasonCode reason, string detail)
    {
        args.ReasonCode = reason;
        args.ReasonString = detail;
    }
}
