using System.Text;

namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>One AWS API call, in the wire form of its protocol, before signing.</summary>
/// <param name="Service">The signing name (<c>lambda</c>, <c>ssm</c>, <c>ecs</c>, <c>autoscaling</c>, <c>ec2</c>).</param>
/// <param name="Operation">The operation, for logs and errors.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="ResourcePath">The path; <c>{Name}</c> segments are filled from <paramref name="PathResources"/> (URL-encoded).</param>
/// <param name="PathResources">Path segment values.</param>
/// <param name="Headers">Headers to sign and send (Content-Type among them).</param>
/// <param name="Body">The body.</param>
/// <param name="Idempotent">True when sending it twice does no harm (reads): such calls are also retried on 5xx.</param>
internal sealed record AwsRequest(
    string Service, string Operation, string Method, string ResourcePath, IReadOnlyDictionary<string, string> PathResources,
    IReadOnlyDictionary<string, string> Headers, byte[] Body, bool Idempotent)
{
    /// <summary>An AWS JSON 1.1 call (SSM, ECS): <c>POST /</c> with <c>X-Amz-Target</c>.</summary>
    public static AwsRequest Json11(string service, string target, string json) => new(
        service, target.Split('.')[^1], "POST", "/", new Dictionary<string, string>(),
        new Dictionary<string, string>
        {
            ["Content-Type"] = "application/x-amz-json-1.1",
            ["X-Amz-Target"] = target,
        },
        Encoding.UTF8.GetBytes(json), Idempotent: false);

    /// <summary>An AWS Query call (Auto Scaling, EC2): a form-encoded <c>POST /</c> with Action and Version first.</summary>
    public static AwsRequest Query(
        string service, string action, string version, IEnumerable<KeyValuePair<string, string>> parameters, bool idempotent)
    {
        var form = new[] { new KeyValuePair<string, string>("Action", action), new("Version", version) }.Concat(parameters);
        var body = string.Join("&", form.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return new AwsRequest(
            service, action, "POST", "/", new Dictionary<string, string>(),
            new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8" },
            Encoding.UTF8.GetBytes(body), idempotent);
    }

    /// <summary>The body as text (for records of what was sent).</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);
}
