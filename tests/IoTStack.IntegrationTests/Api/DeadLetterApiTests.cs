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

    private async Task<JsonElement> PollForLetterAsync(string token, string messageId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var letters = (await Api.DataAsync("{ deadLetters(limit: 500) { id reason originalExchange body } }", token)).GetProperty("deadLetters");
            foreach (var letter in letters.EnumerateArray().Where(letter => letter.GetProperty("id").GetString() == messageId))
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
