using IncidentPlatform.Gateway;
using IncidentPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGateway();
app.Run();
