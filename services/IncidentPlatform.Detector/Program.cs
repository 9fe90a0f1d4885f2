using IncidentPlatform.Detector;
using IncidentPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDetector();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapDetector();
app.Run();
