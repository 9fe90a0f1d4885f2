using IncidentPlatform.Contracts;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Executors.PagerDuty;

/// <summary><c>pagerduty.note</c>: <c>POST /incidents/{id}/notes</c> with <c>{"note": {"content": …}}</c>.</summary>
internal sealed class PagerDutyNoteExecutor(HttpClient http, IOptions<PagerDutyOptions> options) : PagerDutyExecutor(http, options)
{
    /// <inheritdoc />
    public override string ActionId => CatalogActions.PagerDutyNote;

    /// <inheritdoc />
    protected override (HttpMethod, string, string) Build(ActionRun run, string incident) => (HttpMethod.Post,
        $"incidents/{incident}/notes",
        JsonBody.Object(json =>
        {
            json.WriteStartObject("note");
            json.WriteString("content", run.Parameter("content"));
            json.WriteEndObject();
        }));

    /// <inheritdoc />
    protected override string Describe(string answer) => $"note {JsonBody.Read(answer, "note", "id") ?? "?"} added";
}
