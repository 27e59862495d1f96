using IoTStack.Contracts;
using IoTStack.Contracts.Devices;
using IoTStack.Silo.Grains;

namespace IoTStack.Silo.Tests.Grains;

public sealed class MessageValidationTests
{
    [Theory]
    [InlineData("temperature\0")]
    [InlineData("")]
    public void Names_PostgreSQL_cannot_store_or_index_are_rejected_before_they_reach_a_batch(string name)
    {
        var message = new NormalisedMessage(Guid.NewGuid(), 5, null, DateTimeOffset.UtcNow, [TimeseriesPoint.Number(name, 1)]);

        Assert.Throws<RejectedMessageException>(() => MessageValidation.EnsureValid(message, 5));
    }

    [Fact]
    public void A_name_too_long_for_the_primary_key_index_is_rejected()
    {
        var message = new NormalisedMessage(Guid.NewGuid(), 5, null, DateTimeOffset.UtcNow,
            [TimeseriesPoint.Number(new string('x', MessageValidation.MaxNameLength + 1), 1)]);

        Assert.Throws<RejectedMessageException>(() => MessageValidation.EnsureValid(message, 5));
    }

    [Fact]
    public void A_message_sent_to_another_devices_grain_is_rejected()
    {
        var message = new NormalisedMessage(Guid.NewGuid(), 6, null, DateTimeOffset.UtcNow, [TimeseriesPoint.Number("t", 1)]);

        var error = Assert.Throws<RejectedMessageException>(() => MessageValidation.EnsureValid(message, 5));
        Assert.Contains("p_uid 6", error.Message, StringComparison.Ordinal);
    }
}
