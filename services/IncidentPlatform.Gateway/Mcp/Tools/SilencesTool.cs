using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Auth;
using ModelContextProtocol.Protocol;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary><c>silences</c>: list, create and delete silences (maintenance windows) in the store.</summary>
internal sealed class SilencesTool : IMcpTool
{
    private static readonly IReadOnlyList<string> Actions = ["list", "create", "delete"];

    public Tool Definition { get; } = ToolDefinitions.Create("silences", "Silences",
        "List, create or delete silences: alerts matching all matchers in the window are recorded but do not page. " +
        "list needs scope read, create write, delete admin.",
        """
        {"type":"object","properties":{
        "action":{"type":"string","enum":["list","create","delete"]},
        "id":{"type":"string","maxLength":100,"description":"delete: silence id (sil-…)."},
        "matchers":{"type":"array","minItems":1,"maxItems":20,"description":"create: all must match.","items":{"type":"object","properties":{
          "name":{"type":"string","maxLength":100,"description":"Label name, or service, source, severity."},
          "value":{"type":"string","maxLength":1000},
          "isRegex":{"type":"boolean","default":false},
          "isNegative":{"type":"boolean","default":false}},"required":["name","value"],"additionalProperties":false}},
        "startsAt":{"type":"string","format":"date-time","description":"create: default now."},
        "durationMinutes":{"type":"integer","minimum":1,"maximum":129600,"description":"create: length of the window."},
        "comment":{"type":"string","maxLength":1000,"description":"create: why."}},
        "required":["action"],"additionalProperties":false}
        """,
        new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = true, IdempotentHint = false, OpenWorldHint = false });

    public string RequiredScope(ToolArguments arguments) => arguments.Choice("action", Actions, required: true) switch
    {
        "list" => Scopes.Read,
        "delete" => Scopes.Admin,
        _ => Scopes.Write,
    };

    public async Task<CallToolResult> InvokeAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var args = call.Arguments;
        var silences = call.Service<SilenceDocuments>();
        switch (args.Choice("action", Actions, required: true))
        {
            case "list":
                var active = await silences.ListActiveAsync(50, cancellationToken);
                return ToolResults.Success($"{active.Count} active or upcoming silence(s).",
                    new JsonObject { ["items"] = new JsonArray([.. active.Select(s => call.Json(s))]) });
            case "delete":
                var id = args.Required("id", 100);
                return await silences.DeleteAsync(id, cancellationToken)
                    ? ToolResults.Success($"Silence {id} deleted.", new JsonObject { ["id"] = id, ["result"] = "deleted" })
                    : ToolResults.Error($"Not found: there is no silence '{id}'.");
            default:
                var startsAt = args.Time("startsAt");
                var minutes = args.Int("durationMinutes", 1, 129_600, 0);
                if (minutes == 0)
                {
                    throw new ToolArgumentException("'durationMinutes' is required for create.");
                }

                var start = startsAt ?? call.Service<TimeProvider>().GetUtcNow();
                var (silence, errors) = await silences.CreateAsync(Matchers(args), startsAt, start.AddMinutes(minutes), call.Actor,
                    args.String("comment", 1000), cancellationToken);
                return silence is null
                    ? throw new ToolArgumentException(string.Join(" ", errors))
                    : ToolResults.Success($"Silence {silence.Id} created until {silence.EndsAt:u}.",
                        new JsonObject { ["silence"] = call.Json(silence) });
        }
    }

    private static List<SilenceMatcher> Matchers(ToolArguments args)
    {
        var items = args.Array("matchers", SilenceDocuments.MaxMatchers);
        if (items.Count == 0)
        {
            throw new ToolArgumentException("'matchers' is required for create: e.g. [{\"name\":\"service\",\"value\":\"checkout\"}].");
        }

        return items.Select(item =>
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new ToolArgumentException("each matcher is an object {name, value, isRegex?, isNegative?}.");
            }

            var matcher = new ToolArguments(item.EnumerateObject().ToDictionary(p => p.Name, p => p.Value));
            return new SilenceMatcher
            {
                Name = matcher.Required("name", 100), Value = matcher.String("value", 1000) ?? "",
                IsRegex = matcher.Bool("isRegex", false), IsNegative = matcher.Bool("isNegative", false),
            };
        }).ToList();
    }
}
