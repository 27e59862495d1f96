namespace IoTStack.Storage.Devices;

/// <summary>The outcome of checking a presented secret; <see cref="Principal"/> is set only when it is valid.</summary>
public sealed record CredentialVerification(CredentialStatus Status, CredentialPrincipal? Principal)
{
    public static readonly CredentialVerification Unknown = new(CredentialStatus.Unknown, null);

    public bool IsValid => Status == CredentialStatus.Valid;
}
