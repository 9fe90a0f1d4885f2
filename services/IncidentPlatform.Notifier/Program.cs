using IncidentPlatform.Notifier;
using IncidentPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotifier();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapNotifier();
app.Run();
