using System.Text;
using GraphQL;
using IoTStack.Api.Devices;
using IoTStack.Api.GraphQL.Paging;
using IoTStack.Api.Operations;
using IoTStack.Api.Registry;

namespace IoTStack.Api.Tests;

public sealed class CursorsTests
{
    private static readonly DateTimeOffset Instant = new DateTimeOffset(2026, 3, 1, 10, 30, 15, TimeSpan.FromHours(10)).AddTicks(1234560);

    [Fact]
    public void Every_kind_of_key_round_trips_exactly()
    {
        Assert.Equal(42, Cursors.DecodeAfter<long>(Cursors.Encode(42L)));
        Assert.Equal("ttn", Cursors.DecodeAfter<string>(Cursors.Encode("ttn")));
        Assert.Equal(new MappingKey(Instant, 7), Cursors.DecodeAfter<MappingKey>(Cursors.Encode(new MappingKey(Instant, 7))));
        var raw = new RawMessageKey(Instant, Guid.NewGuid());
        Assert.Equal(raw, Cursors.DecodeAfter<RawMessageKey>(Cursors.Encode(raw)));
        Assert.Equal(new DeadLetterKey(DateTimeOffset.MinValue, "m-1"), Cursors.DecodeAfter<DeadLetterKey>(Cursors.Encode(new DeadLetterKey(DateTimeOffset.MinValue, "m-1"))));
    }

    [Fact]
    public void No_cursor_starts_the_list()
    {
        Assert.Equal(0, Cursors.DecodeAfter<long>(null));
        Assert.Null(Cursors.DecodeAfter<MappingKey>(null));
    }

    [Fact]
    public void Cursors_this_list_did_not_issue_are_BAD_USER_INPUT()
    {
        string[] foreign =
        [
            "not base64!",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:3")),
            Cursors.Encode(42L),
            Cursors.Encode(new RawMessageKey(Instant, Guid.Empty)),
            Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"StartTime":"2026-03-01T00:00:00Z"}""")),
            Convert.ToBase64String(Encoding.UTF8.GetBytes("null")),
        ];

        Assert.All(foreign, cursor => Assert.Equal("BAD_USER_INPUT", Assert.Throws<ExecutionError>(() => Cursors.DecodeAfter<MappingKey>(cursor)).Code));
        Assert.Equal("BAD_USER_INPUT", Assert.Throws<ExecutionError>(() => Cursors.DecodeAfter<long>(Cursors.Encode("ttn"))).Code);
    }

    [Fact]
    public void Dead_letters_order_by_time_then_id_after_no_key()
    {
        var early = new DeadLetterKey(Instant, "b");
        var sameTime = new DeadLetterKey(Instant, "c");
        var later = new DeadLetterKey(Instant.AddTicks(10), "a");

        Assert.Equal([null, early, sameTime, later], new[] { later, sameTime, null, early }.Order(DeadLetterKey.Order));
    }
}
