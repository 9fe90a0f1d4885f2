namespace IncidentPlatform.Testing.Fuzz;

/// <summary>
/// A public route to fuzz: its method and path, the content type and a valid body it expects (the seed the inputs are
/// mutated from), and the headers a valid caller sends (a key or token), so that most inputs get past authentication
/// and reach the parsers.
/// </summary>
public sealed record FuzzRoute(string Method, string Path, string ContentType, string SampleBody,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    public override string ToString() => $"{Method} {Path}";
}
