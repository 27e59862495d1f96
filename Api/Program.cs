using IoTStack.Api.Auth;
using IoTStack.Api.Fetch;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIoTStackDatabase();
builder.AddIoTStackAuthentication();
builder.AddDeviceRegistry();
builder.AddDeviceServices();
builder.AddIoTStackGraphQL();

var app = builder.Build();

app.UseIoTStackAuthentication();
app.MapIoTStackGraphQL();
app.MapTokenEndpoint();
app.MapFetchEndpoint();
app.MapDefaultEndpoints();

app.Run();
