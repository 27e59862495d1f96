using IoTStack.Api.Auth;
using IoTStack.Testing;

namespace IoTStack.IntegrationTests.Api;

/// <summary>The admin lists <c>users</c> (by username) and <c>consumers</c> (by id) page as Relay connections, like every list.</summary>
[Collection(IoTStackFixture.Collection)]
public sealed class AccessConnectionPagingTests(IoTStackFixture fixture) : ApiTestBase(fixture)
{
    [Theory]
    [InlineData("users", "username", """mutation($n: String!) { addUser(username: $n, password: "long-enough-password", role: "reader") { username } }""",
        "SELECT username FROM users ORDER BY username", "DELETE FROM users WHERE username = ANY($1)")]
    [InlineData("consumers", "name", "mutation($n: String!) { createConsumer(name: $n) { apiKey } }",
        "SELECT name FROM consumers ORDER BY id", "DELETE FROM consumers WHERE name = ANY($1)")]
    public async Task An_admin_list_pages_on_its_unique_key(string field, string nameField, string create, string expectedSql, string cleanupSql)
    {
        var admin = await Api.SignInAsync(Roles.Admin);
        var names = Enumerable.Range(0, 3).Select(i => $"paged{i}{Guid.NewGuid():N}").ToArray();
        foreach (var name in names)
        {
            await Api.DataAsync(create, admin, new { n = name });
        }

        var pages = await Api.PagesAsync(
            $"query($first: Int!, $after: String) {{ {field}(first: $first, after: $after) {{ edges {{ cursor node {{ {nameField} }} }} "
            + "pageInfo { hasNextPage hasPreviousPage endCursor } } }",
            field, admin, first: 2);

        var expected = await QueryAsync<string>(expectedSql);
        await ExecuteAsync(cleanupSql, (object)names); // one text[] parameter, not three
        ConnectionPages.AssertPaged(pages, pageSize: 2);
        Assert.Equal(expected, ConnectionPages.Nodes(pages).Select(node => node.GetProperty(nameField).GetString()));
        Assert.Subset(expected.ToHashSet(), names.ToHashSet());
    }
}
