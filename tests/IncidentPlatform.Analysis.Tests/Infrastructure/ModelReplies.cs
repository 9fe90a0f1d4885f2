using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentPlatform.Analysis.Tests.Infrastructure;

/// <summary>Model replies for tests, in the JSON shape the prompt asks for.</summary>
internal static class ModelReplies
{
    /// <summary>A valid analysis of <see cref="TestIncidents.PoolExhaustionAsync"/>, recommending a new ECS deployment.</summary>
    public static string PoolExhaustion(params JsonNode[] extraActions)
    {
        var actions = new JsonArray(new JsonObject
        {
            ["actionId"] = "aws.ecs.force-new-deployment",
            ["parameters"] = new JsonObject { ["cluster"] = "prod-core", ["service"] = "orders-api" },
            ["rationale"] = "Recycle the tasks holding connections.",
        });
        foreach (var action in extraActions)
        {
            actions.Add(action);
        }

        return new JsonObject
        {
            ["category"] = "connection-pool-exhaustion",
            ["hypotheses"] = new JsonArray(
                new JsonObject
                {
                    ["summary"] = "The Hikari pool is exhausted by long-held connections.",
                    ["confidence"] = 0.82,
                    ["evidence"] = new JsonArray("L3", "L4: Connection is not available"),
                },
                new JsonObject { ["summary"] = "The database is slow.", ["confidence"] = 0.3, ["evidence"] = new JsonArray("L1") }),
            ["severity"] = "high",
            ["severityJustification"] = "Checkout requests fail.",
            ["impact"] = "orders-api callers see 8 s latency and errors.",
            ["recommendedActions"] = actions,
            ["steps"] = new JsonArray("Check long-running queries.", "Recycle the tasks."),
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    /// <summary>A Messages API response (Anthropic API and Bedrock InvokeModel) carrying <paramref name="text"/>.</summary>
    public static string MessagesResponse(string text, int inputTokens = 1500, int outputTokens = 400, string model = "claude-sonnet-4-5") =>
        new JsonObject
        {
            ["id"] = "msg_01XFDUDYJgAACzvnptvVoYEL",
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = model,
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
            ["stop_reason"] = "end_turn",
            ["stop_sequence"] = null,
            ["usage"] = new JsonObject { ["input_tokens"] = inputTokens, ["output_tokens"] = outputTokens },
        }.ToJsonString();
}
