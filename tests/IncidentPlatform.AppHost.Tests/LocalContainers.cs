using System.Text.RegularExpressions;
using IncidentPlatform.Testing;

namespace IncidentPlatform.AppHost.Tests;

/// <summary>
/// What eng/containers.sh makes on a machine without an image registry (test.sh runs it when needed): the image tags
/// it builds for Redis and RabbitMQ, and the local registry holding the services' .NET base image.
/// </summary>
internal static partial class LocalContainers
{
    private static readonly string Script = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "eng", "containers.sh"));

    /// <summary>The Redis image the script builds.</summary>
    public static string RedisImage => Variable("REDIS");

    /// <summary>The RabbitMQ image the script builds.</summary>
    public static string RabbitMqImage => Variable("RABBITMQ");

    /// <summary>The services' base image as the SDK pulls it (<c>ContainerBaseImage</c>).</summary>
    public static string ServiceBaseImage => $"{Variable("REGISTRY")}/{Variable("ASPNET")}";

    private static string Variable(string name) =>
        AssignmentRegex().Matches(Script).FirstOrDefault(m => m.Groups[1].Value == name)?.Groups[2].Value
        ?? throw new InvalidOperationException($"eng/containers.sh sets no {name}.");

    [GeneratedRegex(@"^([A-Z]+)=(\S+)$", RegexOptions.Multiline)]
    private static partial Regex AssignmentRegex();
}
