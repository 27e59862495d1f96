namespace IoTStack.Storage.Devices;

/// <summary>Who a verified credential speaks for.</summary>
public abstract record CredentialPrincipal;

/// <summary>A device token: the holder may send only as this physical device.</summary>
public sealed record DevicePrincipal(long PhysicalUid, string Name) : CredentialPrincipal
{
    /// <summary>Devices are addressed (in paths, topics, MQTT user names) by their uid or their name.</summary>
    public bool IsAddressedBy(string deviceId) =>
        string.Equals(deviceId, Name, StringComparison.Ordinal) ||
        string.Equals(deviceId, PhysicalUid.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

/// <summary>A source credential (IoTa's front-end model): the holder may send for any device of the source, creating unknown ones.</summary>
public sealed record SourcePrincipal(string Source) : CredentialPrincipal;
