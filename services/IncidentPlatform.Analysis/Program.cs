using IncidentPlatform.Analysis;
using IncidentPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAnalysis();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapAnalysis();
app.Run();
