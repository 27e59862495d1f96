var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIoTStackDatabase();
builder.AddIoTStackMessaging();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
