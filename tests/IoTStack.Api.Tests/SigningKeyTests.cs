using System.Security.Claims;
using IoTStack.Api.Auth;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace IoTStack.Api.Tests;

public sealed class SigningKeyTests
{
    [Fact]
    public void A_short_signing_key_stops_the_start()
    {
        Assert.Throws<InvalidOperationException>(() => Key("too-short"));
    }

    [Fact]
    public async Task Without_a_configured_key_tokens_are_signed_with_a_random_one_that_another_process_cannot_verify()
    {
        var first = Key(null);
        var second = Key(null);
        var user = new UserAccount("ada", "hash", Roles.Reader, true, 3, DateTimeOffset.UtcNow);
        var token = new UserTokenIssuer(first, TimeProvider.System).Issue(user);

        var handler = new JsonWebTokenHandler();
        var valid = await handler.ValidateTokenAsync(token, first.ValidationParameters);
        Assert.True(valid.IsValid);
        Assert.Equal("3", valid.ClaimsIdentity.FindFirst(CallerClaims.TokenGeneration)?.Value);
        Assert.False((await handler.ValidateTokenAsync(token, second.ValidationParameters)).IsValid);
    }

    [Fact]
    public async Task Tokens_from_the_same_configured_key_verify_and_carry_the_role()
    {
        var secret = new string('k', 20) + Guid.NewGuid().ToString("N");
        var token = new UserTokenIssuer(Key(secret), TimeProvider.System).Issue(new UserAccount("ops", "hash", Roles.Operator, true, 1, DateTimeOffset.UtcNow));

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Key(secret).ValidationParameters);

        Assert.True(result.IsValid);
        Assert.True(new ClaimsPrincipal(result.ClaimsIdentity).IsInRole(Roles.Operator));
    }

    private static SigningKey Key(string? secret) =>
        new(Options.Create(new AuthOptions { SigningKey = secret }), NullLogger<SigningKey>.Instance);
}
