var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIoTStackDatabase();
builder.AddIoTStackMessaging();
builder.AddIngestPipeline();
builder.AddHttpGateway();
builder.AddMqttGateway();
builder.AddRulesEvaluation();

var app = builder.Build();

app.UseHttpGateway();
app.MapTelemetryEndpoints();
app.MapTelemetryWebSocket();
app.MapMqttGateway();
app.MapRulesEvaluation();
app.MapDefaultEndpoints();

app.Run();
