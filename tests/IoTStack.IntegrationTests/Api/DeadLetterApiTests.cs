using System.Text;
using System.Text.Json;
using IoTStack.Api.Auth;
using IoTStack.Contracts;
using IoTStack.Testing;
using RabbitMQ.Client;

namespace IoTStack.IntegrationTests.Api;

/// <summary>A message the Silo cannot process shows up in <c>deadLetters</c>, and <c>requeueDeadLetter</c> sends it back.</summary>
[Collection(IoTStackFixture.Collection)]
public sealed class DeadLetterApiTests(IoTStackFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task A_malformed_message_is_listed_with_its_reason_and_can_be_requeued()
    {
        var messageId = "api-poison-" + Guid.NewGuid().ToString("N");
        await PublishAsync(messageId, "{ this is not json");
        var operatorToken = await Api.SignInAsync(Roles.Operator);

        var letter = await PollForLetterAsync(operatorToken, messageId);
        Assert.StartsWith("Malformed", letter.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(Exchanges.PhysicalTimeseries, letter.GetProperty("originalExchange").GetString());
        Assert.Equal("{ this is not json", letter.GetProperty("body").GetString());

        var requeued = await Api.DataAsync("mutation($id: String!) { requeueDeadLetter(id: $id) }", operatorToken, new { id = messageId });
        Assert.True(requeued.GetProperty("requeueDeadLetter").GetBoolean());
        var (_, missing) = await Api.PostAsync("""mutation { requeueDeadLetter(id: "no-such-letter") }""", operatorToken);
        Assert.Equal(["NOT_FOUND"], ApiClient.ErrorCodes(missing));
    }

    [Fact]
    public async Task Dead_letters_page_oldest_first_without_repeats_or_gaps()
    {
        var messageIds = Enumerable.Range(0, 3).Select(i => $"api-paged-{i}-{Guid.NewGuid():N}").ToList();
        foreach (var messageId in messageIds)
        {
            await PublishAsync(messageId, "[ not a batch");
        }

        var operatorToken = await Api.SignInAsync(Roles.Operator);
        await PollForLetterAsync(operatorToken, messageIds[^1]);

        var pages = await Api.PagesAsync(
            "query($first: Int!, $after: String) { deadLetters(first: $first, after: $after) { edges { cursor node { id deadLetteredAt } } pageInfo { hasNextPage hasPreviousPage endCursor } } }",
            "deadLetters", operatorToken, first: 2);

        ConnectionPages.AssertPaged(pages, pageSize: 2);
        var letters = ConnectionPages.Nodes(pages).Select(node => (Id: node.GetProperty("id").GetString()!, At: node.GetProperty("deadLetteredAt").GetDateTimeOffset())).ToList();
        Assert.Equal(letters.Select(letter => letter.Id).Distinct().Count(), letters.Count);
        Assert.Equal(letters.Select(letter => letter.At).Order(), letters.Select(letter => letter.At));
        Assert.All(messageIds, messageId => Assert.Contains(messageId, letters.Select(letter => letter.Id)));
    }

    private async Task<JsonElement> PollForLetterAsync(string token, string messageId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var pages = await Api.PagesAsync(
                "query($first: Int!, $after: String) { deadLetters(first: $first, after: $after) { edges { node { id reason originalExchange body } } pageInfo { hasNextPage endCursor } } }",
                "deadLetters", token, first: 500);
            foreach (var letter in ConnectionPages.Nodes(pages).Where(letter => letter.GetProperty("id").GetString() == messageId))
            {
                return letter;
            }

            Assert.True(DateTime.UtcNow < deadline, "The message was never dead-lettered.");
            await Task.Delay(250);
        }
    }

    private async Task PublishAsync(string messageId, string body)
    {
        var factory = new ConnectionFactory { Uri = new Uri(await Stack.GetConnectionStringAsync("messaging")) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { MessageId = messageId, Persistent = true, ContentType = NormalisedMessageBatch.ContentType };
        await channel.BasicPublishAsync(Exchanges.PhysicalTimeseries, string.Empty, mandatory: true, properties, Encoding.UTF8.GetBytes(body));
    }
}
