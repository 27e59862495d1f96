namespace IoTStack.Api.Auth;

/// <summary>A row of the <c>users</c> table.</summary>
public sealed record UserAccount(
    string Username,
    string PasswordHash,
    string Role,
    bool TokenEnabled,
    int TokenGeneration,
    DateTimeOffset CreatedAt);
