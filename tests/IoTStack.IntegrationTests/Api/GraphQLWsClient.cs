using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace IoTStack.IntegrationTests.Api;

/// <summary>A minimal client of the graphql-transport-ws protocol, speaking it the way the graphql-ws library does.</summary>
public sealed class GraphQLWsClient(WebSocket socket) : IAsyncDisposable
{
    public const string SubProtocol = "graphql-transport-ws";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    public WebSocket Socket => socket;

    public static async Task<GraphQLWsClient> ConnectAsync(Uri httpBase)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(SubProtocol);
        var uri = new UriBuilder(new Uri(httpBase, "/graphql")) { Scheme = httpBase.Scheme == "https" ? "wss" : "ws" }.Uri;
        using var timeout = new CancellationTokenSource(Deadline);
        await socket.ConnectAsync(uri, timeout.Token);
        return new GraphQLWsClient(socket);
    }

    public async Task<JsonElement> InitialiseAsync(string token)
    {
        await SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + token } });
        return await ReceiveAsync();
    }

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { type = "subscribe", id, payload = new { query, variables } });

    public async Task SendAsync(object message)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>The next message; throws if none arrives before the deadline or the server closed instead.</summary>
    public async Task<JsonElement> ReceiveAsync(TimeSpan? deadline = null)
    {
        using var timeout = new CancellationTokenSource(deadline ?? Deadline);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException($"Closed: {(int?)result.CloseStatus} {result.CloseStatusDescription}");
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray())).RootElement.Clone();
    }

    /// <summary>Reads until the server closes and returns its close code.</summary>
    public async Task<int?> ClosedWithAsync()
    {
        using var timeout = new CancellationTokenSource(Deadline);
        var buffer = new byte[4096];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (int?)result.CloseStatus;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(Deadline);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
        }

        socket.Dispose();
    }
}
