namespace IoTStack.Storage.Devices;

/// <summary>A newly issued credential: <see cref="Secret"/> is shown to the caller once and never stored.</summary>
public sealed record IssuedSecret(long Id, string Secret, DateTimeOffset? ExpiresAt);
