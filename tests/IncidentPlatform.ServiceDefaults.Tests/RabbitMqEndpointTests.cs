using IncidentPlatform.ServiceDefaults.Configuration;
using IncidentPlatform.ServiceDefaults.Messaging;

namespace IncidentPlatform.ServiceDefaults.Tests;

public sealed class RabbitMqEndpointTests
{
    [Theory]
    [InlineData("amqp://guest:guest@localhost:5672/", "localhost", 5672, "/", "guest", "guest", false)]
    [InlineData("amqp://u:p%40ss@rabbit.internal/prod", "rabbit.internal", 5672, "prod", "u", "p@ss", false)]
    [InlineData("amqps://u:p@mq.example.com:5671/%2Fteam", "mq.example.com", 5671, "/team", "u", "p", true)]
    [InlineData("amqps://mq.example.com", "mq.example.com", 5671, "/", "guest", "guest", true)]
    public void Parse_AmqpUri_ReadsEveryPart(string value, string host, int port, string vhost, string user, string password, bool tls)
    {
        var endpoint = RabbitMqEndpoint.Parse(value);

        endpoint.ShouldBe(new RabbitMqEndpoint(host, port, vhost, user, password, tls));
    }

    [Theory]
    [InlineData("localhost:5672")]
    [InlineData("http://localhost:5672/")]
    [InlineData("amqp://")]
    [InlineData("")]
    public void Parse_NotAnAmqpUri_ThrowsNamingTheKey(string value)
    {
        var error = Should.Throw<ConfigurationException>(() => RabbitMqEndpoint.Parse(value));

        error.Message.ShouldContain("ConnectionStrings:messaging");
        error.Message.ShouldContain("amqp://");
    }
}
