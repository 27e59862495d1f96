namespace IoTStack.Storage.Devices;

/// <summary>The state of a presented secret; only <see cref="Valid"/> lets the holder send.</summary>
public enum CredentialStatus
{
    Valid,
    Unknown,
    Revoked,
    Expired,
}
