using IncidentPlatform.Gateway;
using IncidentPlatform.Gateway.Stdio;
using IncidentPlatform.ServiceDefaults;

if (args.IsStdioMode())
{
    return await McpStdioHost.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGateway();
app.Run();
return 0;
