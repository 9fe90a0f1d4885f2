using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.Testing;

namespace IncidentPlatform.AppHost.Tests;

/// <summary>
/// The services' container images, built with the SDK's container support (<c>dotnet publish -t:PublishContainer</c>)
/// on the locally built .NET base, run as a second deployment against the AppHost's Redis and RabbitMQ.
/// </summary>
public sealed class ServiceImageTests(AppHostFixture host)
{
    private static readonly string[] Services =
        [ResourceNames.Detector, ResourceNames.Analysis, ResourceNames.Remediation, ResourceNames.Notifier, ResourceNames.Gateway];

    private static readonly TimeSpan DockerTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task PublishContainer_FiveServices_ImagesRunHealthyAndTheGatewayTakesAnAlert()
    {
        var tag = $"test-{Guid.NewGuid():N}"[..17];
        var images = Services.ToDictionary(s => s, s => $"incidentplatform/{s}:{tag}");
        var containers = new List<string>();
        try
        {
            await PublishAsync(tag);

            var ports = Services.ToDictionary(s => s, _ => FreePort.Next());
            var redis = await host.App.GetConnectionStringAsync(ResourceNames.Redis);
            var messaging = await host.App.GetConnectionStringAsync(ResourceNames.Messaging);
            foreach (var service in Services)
            {
                // The host's network: the AppHost's Redis and RabbitMQ listen on its loopback interface.
                List<string> run =
                [
                    "run", "-d", "--network", "host", "-e", $"ASPNETCORE_HTTP_PORTS={ports[service]}",
                    "-e", $"ConnectionStrings__{ResourceNames.Redis}={redis}", "-e", $"ConnectionStrings__{ResourceNames.Messaging}={messaging}",
                    "-e", $"Auth__ApiKeys__admin__Key={AppHostFixture.AdminKey}", "-e", "Auth__ApiKeys__admin__Scopes=admin",
                    images[service],
                ];
                containers.Add((await Command.RunAsync("docker", run, DockerTimeout)).Trim());
            }

            using var http = new HttpClient();
            foreach (var service in Services)
            {
                var health = await Eventually.GetAsync(() => HealthAsync(http, ports[service]), h => h == HttpStatusCode.OK,
                    $"{service}'s container healthy", TimeSpan.FromMinutes(3));
                health.ShouldBe(HttpStatusCode.OK);
            }

            // The containerized gateway takes an alert; a detector (this deployment's or the AppHost's: they share the
            // queues) opens the incident, and the gateway reads it from the shared Redis.
            using var gateway = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports[ResourceNames.Gateway]}") }
                .WithKey(AppHostFixture.AdminKey);
            var alerting = $"images-{Guid.NewGuid():N}"[..16];
            using var accepted = await gateway.PostAsJsonAsync("/api/alerts", new Dictionary<string, object?>
            {
                ["source"] = "container-test", ["title"] = $"Checkout latency above 2s on {alerting}", ["severity"] = "high",
                ["message"] = "p99 2.4s", ["timestamp"] = DateTimeOffset.UtcNow, ["service"] = alerting,
            });
            accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            await Eventually.GetAsync(() => gateway.GetAsync($"/api/incidents?service={alerting}").JsonAsync(),
                l => l.GetProperty("items").GetArrayLength() == 1, "the alert's incident", TimeSpan.FromSeconds(60));
        }
        finally
        {
            if (containers.Count > 0)
            {
                await Command.RunAsync("docker", ["rm", "-f", .. containers], DockerTimeout);
            }

            await Command.RunAsync("docker", ["image", "rm", "-f", .. images.Values], DockerTimeout);
        }
    }

    private static async Task<HttpStatusCode> HealthAsync(HttpClient http, int port)
    {
        try
        {
            using var response = await http.GetAsync($"http://127.0.0.1:{port}{"/health"}");
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0; // not listening yet
        }
    }

    // eng/service-images.proj publishes the five in one build; the test build made them already, so this packs their
    // output onto the base image and loads the images into dockerd.
    private static Task PublishAsync(string tag) => Command.RunAsync("dotnet",
    [
        "msbuild", Path.Combine(RepositoryPaths.Root, "eng", "service-images.proj"), "-m", "-nologo", "-p:NoBuild=true",
        "-p:Configuration=" + RepositoryPaths.Configuration, "-p:ContainerImageTags=" + tag,
        "-p:ContainerBaseImage=" + LocalContainers.ServiceBaseImage,
    ], DockerTimeout);
}
