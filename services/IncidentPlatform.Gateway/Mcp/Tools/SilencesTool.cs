using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.Gateway.Silences;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary><c>silences</c>: list, create and expire silences (maintenance windows), through the same
/// <see cref="SilenceService"/> as <c>/api/silences</c>.</summary>
[McpServerToolType]
internal sealed class SilencesTool(SilenceService silences, McpViews views)
{
    private const int MaxListed = 50;

    public enum SilenceAction { List, Create, Expire }

    [McpServerTool(Name = "silences", Title = "Silences", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("List, create or expire silences: alerts matching all matchers in the window are recorded but do not page. " +
                 "list needs scope read; create and expire write. Expired silences stay on record.")]
    public async Task<CallToolResult> RunAsync(
        ClaimsPrincipal? user,
        SilenceAction action,
        [Description("expire: silence id (sil-…)."), MaxLength(100)] string? id = null,
        [Description("create: all must match; each {name: a label, or service, source, severity, title; value; isRegex; isNegative}."),
         MaxLength(SilenceValidator.MaxMatchers)] List<SilenceMatcherRequest>? matchers = null,
        [Description("create: default now.")] DateTimeOffset? startsAt = null,
        [Description("create: length of the window."), Range(1, 527_040)] int? durationMinutes = null,
        [Description("create: why."), MaxLength(1000)] string? comment = null,
        CancellationToken cancellationToken = default)
    {
        if (McpCaller.Refuse(user, action == SilenceAction.List ? Scopes.Read : Scopes.Write) is { } refused)
        {
            return refused;
        }

        switch (action)
        {
            case SilenceAction.List:
                var current = (await silences.ListAsync(null, cancellationToken)).Where(s => s.State != "expired").Take(MaxListed).ToList();
                return ToolResults.Success($"{current.Count} active or pending silence(s).",
                    new JsonObject { ["items"] = new JsonArray([.. current.Select(s => views.Json(s))]) }, current.Select(Line));
            case SilenceAction.Expire:
                var expiring = ToolArgumentException.Required(id, "id");
                return await silences.ExpireAsync(expiring, user!.Actor(), cancellationToken) switch
                {
                    null => ToolResults.Error($"Not found: there is no silence '{expiring}'."),
                    true => ToolResults.Success($"Silence {expiring} expired.", new JsonObject { ["id"] = expiring, ["result"] = "expired" }),
                    false => ToolResults.Error($"Silence '{expiring}' kept changing; try again."),
                };
        }

        if (durationMinutes is not { } minutes)
        {
            throw new ToolArgumentException("'durationMinutes' is required for create.");
        }

        if (matchers is not { Count: > 0 })
        {
            throw new ToolArgumentException("'matchers' is required for create: e.g. [{\"name\":\"service\",\"value\":\"checkout\"}].");
        }

        var request = new SilenceRequest(matchers, startsAt, null, TimeSpan.FromMinutes(minutes), ToolArgumentException.Optional(comment));
        var (created, errors) = await silences.CreateAsync(request, user!.Actor(), cancellationToken);
        return created is null
            ? throw new ToolArgumentException(string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
            : ToolResults.Success($"Silence {created.Id} created until {created.EndsAt:u}.",
                new JsonObject { ["silence"] = views.Json(created) }, [Line(created)]);
    }

    private static string Line(SilenceView silence) =>
        $"- {silence.Id} [{silence.State}] {McpText.When(silence.StartsAt)}–{McpText.When(silence.EndsAt)}: " +
        string.Join(" and ", silence.Matchers.Select(m => $"{m.Name} {(m.IsNegative ? "!" : "")}{(m.IsRegex ? "=~" : "=")} {m.Value}")) +
        $" ({silence.CreatedBy}: {TextLimits.Truncate(silence.Comment, 200)})";
}
