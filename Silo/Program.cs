var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIoTStackDatabase();
builder.AddIoTStackMessaging();
builder.AddIoTStackSilo();
builder.AddPhysicalTimeseriesConsumer();
builder.AddReportScheduling();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
