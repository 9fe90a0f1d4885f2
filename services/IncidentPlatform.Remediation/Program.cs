using IncidentPlatform.Remediation;
using IncidentPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddRemediation();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapRemediation();
app.Run();
