using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.Gateway.Silences;
using ModelContextProtocol.Protocol;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary><c>silences</c>: list, create and expire silences (maintenance windows), through the same
/// <see cref="SilenceService"/> as <c>/api/silences</c>.</summary>
internal sealed class SilencesTool : IMcpTool
{
    private const int MaxListed = 50;
    private static readonly IReadOnlyList<string> Actions = ["list", "create", "expire"];

    public Tool Definition { get; } = ToolDefinitions.Create("silences", "Silences",
        "List, create or expire silences: alerts matching all matchers in the window are recorded but do not page. " +
        "list needs scope read; create and expire write. Expired silences stay on record.",
        """
        {"type":"object","properties":{
        "action":{"type":"string","enum":["list","create","expire"]},
        "id":{"type":"string","maxLength":100,"description":"expire: silence id (sil-…)."},
        "matchers":{"type":"array","minItems":1,"maxItems":20,"description":"create: all must match.","items":{"type":"object","properties":{
          "name":{"type":"string","maxLength":100,"description":"Label name, or service, source, severity, title."},
          "value":{"type":"string","maxLength":1000},
          "isRegex":{"type":"boolean","default":false},
          "isNegative":{"type":"boolean","default":false}},"required":["name","value"],"additionalProperties":false}},
        "startsAt":{"type":"string","format":"date-time","description":"create: default now."},
        "durationMinutes":{"type":"integer","minimum":1,"maximum":527040,"description":"create: length of the window."},
        "comment":{"type":"string","maxLength":1000,"description":"create: why."}},
        "required":["action"],"additionalProperties":false}
        """,
        new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = false, IdempotentHint = false, OpenWorldHint = false });

    public string RequiredScope(ToolArguments arguments) =>
        arguments.Choice("action", Actions, required: true) == "list" ? Scopes.Read : Scopes.Write;

    public async Task<CallToolResult> InvokeAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var args = call.Arguments;
        var silences = call.Service<SilenceService>();
        switch (args.Choice("action", Actions, required: true))
        {
            case "list":
                var current = (await silences.ListAsync(null, cancellationToken)).Where(s => s.State != "expired").Take(MaxListed).ToList();
                return ToolResults.Success($"{current.Count} active or pending silence(s).",
                    new JsonObject { ["items"] = new JsonArray([.. current.Select(s => call.Json(s))]) });
            case "expire":
                var id = args.Required("id", 100);
                return await silences.ExpireAsync(id, call.Actor, cancellationToken) switch
                {
                    null => ToolResults.Error($"Not found: there is no silence '{id}'."),
                    true => ToolResults.Success($"Silence {id} expired.", new JsonObject { ["id"] = id, ["result"] = "expired" }),
                    false => ToolResults.Error($"Silence '{id}' kept changing; try again."),
                };
            default:
                var minutes = args.Int("durationMinutes", 1, 527_040, 0);
                if (minutes == 0)
                {
                    throw new ToolArgumentException("'durationMinutes' is required for create.");
                }

                var request = new SilenceRequest(Matchers(args), args.Time("startsAt"), null, TimeSpan.FromMinutes(minutes),
                    args.String("comment", 1000));
                var (created, errors) = await silences.CreateAsync(request, call.Actor, cancellationToken);
                return created is null
                    ? throw new ToolArgumentException(string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
                    : ToolResults.Success($"Silence {created.Id} created until {created.EndsAt:u}.",
                        new JsonObject { ["silence"] = call.Json(created) });
        }
    }

    private static List<SilenceMatcherRequest> Matchers(ToolArguments args)
    {
        var items = args.Array("matchers", SilenceValidator.MaxMatchers);
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
            return new SilenceMatcherRequest(matcher.Required("name", 100), matcher.String("value", 1000) ?? "",
                matcher.Bool("isRegex", false), matcher.Bool("isNegative", false));
        }).ToList();
    }
}
