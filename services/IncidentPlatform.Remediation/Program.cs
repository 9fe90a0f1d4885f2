using IncidentPlatform.Remediation;
using IncidentPlatform.Remediation.Audit;
using IncidentPlatform.ServiceDefaults;

if (VerifyAuditCommand.Matches(args))
{
    return await VerifyAuditCommand.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddRemediation();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapRemediation();
await app.RunAsync();
return 0;
