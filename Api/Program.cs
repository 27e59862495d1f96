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
builder.AddRuleDocumentStore();
builder.AddIoTStackGraphQL();

var app = builder.Build();

app.UseIoTStackAuthentication();
app.MapIoTStackGraphQL();
app.MapTokenEndpoint();
app.MapFetchEndpoint();
app.MapReportCsvEndpoint();
app.MapRuleDocumentApi().RequireAuthorization(AuthorizationPolicies.Operator);
app.MapDefaultEndpoints();

app.Run();
