var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIoTStackDatabase();
builder.AddIoTStackMessaging();
builder.AddIngestPipeline();
builder.AddHttpGateway();
builder.AddMqttGateway();

var app = builder.Build();

app.UseHttpGateway();
app.MapTelemetryEndpoints();
app.MapTelemetryWebSocket();
app.MapMqttGateway();
app.MapDefaultEndpoints();

app.Run();
