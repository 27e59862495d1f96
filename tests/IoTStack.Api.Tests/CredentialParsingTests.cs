using System.Text;
using IoTStack.Api.Auth;

namespace IoTStack.Api.Tests;

public sealed class CredentialParsingTests
{
    [Fact]
    public void Basic_credentials_split_at_the_first_colon()
    {
        var header = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("my_user:pass:with:colons"));

        Assert.True(BasicCredentials.TryParse(header, out var user, out var password));
        Assert.Equal(("my_user", "pass:with:colons"), (user, password));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer abc")]
    [InlineData("Basic !!!notbase64")]
    [InlineData("Basic bm9jb2xvbg==")] // "nocolon"
    public void Anything_else_is_not_basic_credentials(string? header)
    {
        Assert.False(BasicCredentials.TryParse(header, out _, out _));
    }

    [Fact]
    public void Passwords_are_hashed_salted_and_verified()
    {
        var passwords = new UserPasswords();
        var hash = passwords.Hash("alice", "correct-horse-battery");
        var account = new UserAccount("alice", hash, Roles.Reader, true, 1, DateTimeOffset.UtcNow);

        Assert.DoesNotContain("correct-horse-battery", hash, StringComparison.Ordinal);
        Assert.NotEqual(hash, passwords.Hash("alice", "correct-horse-battery"));
        Assert.True(passwords.Verify(account, "correct-horse-battery"));
        Assert.False(passwords.Verify(account, "wrong-horse-battery"));
        Assert.Throws<ArgumentException>(() => passwords.Hash("alice", "short"));
    }


    [Fact]
    public void Api_keys_are_long_random_and_prefixed()
    {
        var first = SecretTokens.Generate(ConsumerStore.KeyPrefix);

        Assert.StartsWith(ConsumerStore.KeyPrefix, first, StringComparison.Ordinal);
        Assert.True(first.Length >= 40);
        Assert.NotEqual(first, SecretTokens.Generate(ConsumerStore.KeyPrefix));
        Assert.Equal(32, SecretTokens.Hash(first).Length);
    }
}
