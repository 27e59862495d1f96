using IoTStack.Api.Auth;
using IoTStack.Api.Fetch;
using IoTStack.Api.Reports;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIoTStackDatabase();
builder.AddIoTStackAuthentication();
builder.AddDeviceRegistry();
builder.AddDeviceServices();
builder.AddReports();
builder.AddIoTStackGraphQL();

var app = builder.Build();

app.UseIoTStackAuthentication();
app.MapIoTStackGraphQL();
app.MapTokenEndpoint();
app.MapFetchEndpoint();
app.MapReportCsvEndpoint();
app.MapDefaultEndpoints();

app.Run();
