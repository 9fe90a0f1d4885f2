using IncidentPlatform.Analysis;
using IncidentPlatform.Detector;
using IncidentPlatform.Gateway;
using IncidentPlatform.Notifier;
using IncidentPlatform.Remediation;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.ServiceDefaults.Messaging;
using IncidentPlatform.Standalone;

var builder = WebApplication.CreateBuilder(args);
builder.AddStandaloneDefaults();
builder.AddServiceDefaults();
builder.AddDetectorModule().AddAnalysisModule().AddRemediationModule().AddNotifierModule().AddGatewayModule();
builder.AddMessaging(bus => bus.AddDetectorConsumers().AddAnalysisConsumers().AddRemediationConsumers()
    .AddNotifierConsumers().AddGatewayConsumers());

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapDetector();
app.MapAnalysis();
app.MapRemediation();
app.MapNotifier();
app.MapGateway();
app.LogListeningAddresses();
app.Run();
