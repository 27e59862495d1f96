var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIoTStackDatabase();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
