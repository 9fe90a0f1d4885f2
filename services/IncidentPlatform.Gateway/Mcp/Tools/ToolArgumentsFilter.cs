using System.Collections;
using System.Reflection;
using System.Text.Json;
using IncidentPlatform.Gateway.Telemetry;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>
/// Checks a call's arguments against the tool method's typed parameters before the SDK binds them: a missing required
/// argument, a value of the wrong type or outside what its attributes declare (<c>[Range]</c>, <c>[MaxLength]</c>,
/// <c>[MinLength]</c>, an enum's values — the same bounds the SDK publishes in the schema) becomes a tool error naming
/// the argument, as does a <see cref="ToolArgumentException"/> thrown by the tool, so the model can correct its call.
/// Every call is counted by tool and outcome (<see cref="GatewayTelemetry.ToolCalled"/>).
/// </summary>
internal static class ToolArgumentsFilter
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Create(
        McpRequestHandler<CallToolRequestParams, CallToolResult> next) => async (request, cancellationToken) =>
    {
        var result = await CheckedAsync(next, request, cancellationToken);
        request.Services?.GetService<GatewayTelemetry>()?.ToolCalled(request.Params?.Name ?? "", ToolResults.OutcomeOf(result));
        return result;
    };

    private static async ValueTask<CallToolResult> CheckedAsync(McpRequestHandler<CallToolRequestParams, CallToolResult> next,
        RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        try
        {
            if (request.MatchedPrimitive is McpServerTool tool && tool.Metadata.OfType<MethodInfo>().FirstOrDefault() is { } method)
            {
                Check(method, tool.ProtocolTool.InputSchema, request.Params?.Arguments);
            }

            return await next(request, cancellationToken);
        }
        catch (ToolArgumentException e)
        {
            return ToolResults.Error($"Invalid arguments for {request.Params?.Name}: {e.Message}", "invalid_arguments");
        }
    }

    private static void Check(MethodInfo method, JsonElement schema, IDictionary<string, JsonElement>? arguments)
    {
        if (!schema.TryGetProperty("properties", out var properties))
        {
            return;
        }

        // Parameters outside the schema are services the SDK binds (the caller, the cancellation token…).
        foreach (var parameter in method.GetParameters().Where(p => properties.TryGetProperty(p.Name!, out _)))
        {
            var name = parameter.Name!;
            if (arguments is null || !arguments.TryGetValue(name, out var value))
            {
                if (!parameter.HasDefaultValue)
                {
                    throw new ToolArgumentException($"'{name}' is required.");
                }

                continue;
            }

            object? bound;
            try
            {
                bound = value.Deserialize(McpExtensions.ArgumentJson.GetTypeInfo(parameter.ParameterType));
            }
            catch (JsonException)
            {
                throw new ToolArgumentException($"'{name}' must be {Expected(parameter.ParameterType)}.");
            }

            if (parameter.GetCustomAttributes<ValidationAttribute>().FirstOrDefault(rule => !rule.IsValid(bound)) is { } broken)
            {
                throw new ToolArgumentException(Describe(name, broken, bound));
            }
        }
    }

    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type.IsEnum => "one of: " + string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName)),
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(string) => "a string",
            _ when type == typeof(DateTimeOffset) => "an ISO 8601 time such as 2026-11-21T08:00:00Z",
            _ when typeof(IDictionary).IsAssignableFrom(type) => "an object of string values",
            _ when typeof(IEnumerable).IsAssignableFrom(type) => "an array of objects as the schema describes",
            _ => "as the tool's schema describes",
        };
    }

    private static string Describe(string name, ValidationAttribute rule, object? value) => rule switch
    {
        RangeAttribute range => $"'{name}' must be a whole number from {range.Minimum} to {range.Maximum}.",
        MaxLengthAttribute max when value is string => $"'{name}' is longer than {max.Length} characters.",
        MaxLengthAttribute max => $"'{name}' has more than {max.Length} entries.",
        MinLengthAttribute min => $"'{name}' needs at least {min.Length} {(value is string ? "characters" : "entries")}.",
        _ => $"'{name}' is not valid: {rule.FormatErrorMessage(name)}",
    };
}
