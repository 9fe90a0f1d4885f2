using System.Net.Security;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Readiness of the broker itself: opens a connection and checks that it answers the AMQP 0-9-1 protocol header
/// with a frame. MassTransit's own bus check stays healthy when a service has no receive endpoints, so a publisher-only
/// service would not notice an outage without this.
/// </summary>
internal sealed class RabbitMqHealthCheck(RabbitMqEndpoint endpoint) : IHealthCheck
{
    private static readonly byte[] ProtocolHeader = "AMQP\0\0\u0009\u0001"u8.ToArray();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var where = $"{endpoint.Host}:{endpoint.Port}";
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            using var client = new TcpClient();
            await client.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
            Stream stream = client.GetStream();
            if (endpoint.UseTls)
            {
                var tls = new SslStream(stream);
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = endpoint.Host }, timeout.Token);
                stream = tls;
            }

            await using (stream)
            {
                await stream.WriteAsync(ProtocolHeader, timeout.Token);
                var frame = new byte[1];
                var read = await stream.ReadAsync(frame, timeout.Token);
                return read == 1 && frame[0] == 1
                    ? HealthCheckResult.Healthy($"RabbitMQ at {where} answers")
                    : HealthCheckResult.Unhealthy($"RabbitMQ at {where} did not answer the AMQP handshake");
            }
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or
                                      System.Security.Authentication.AuthenticationException)
        {
            return HealthCheckResult.Unhealthy($"RabbitMQ at {where} is unreachable: {e.Message}");
        }
    }
}
