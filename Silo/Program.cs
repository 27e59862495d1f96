var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIoTStackDatabase();
builder.AddIoTStackMessaging();
builder.AddIoTStackSilo();
builder.AddPhysicalTimeseriesConsumer();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
