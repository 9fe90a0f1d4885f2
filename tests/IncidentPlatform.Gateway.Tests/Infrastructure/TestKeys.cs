namespace IncidentPlatform.Gateway.Tests.Infrastructure;

/// <summary>The API keys every test host is configured with, one per scope set.</summary>
internal static class TestKeys
{
    public const string Admin = "admin-key-0123456789abcdef";
    public const string Reader = "reader-key-0123456789abcdef";
    public const string Writer = "writer-key-0123456789abcdef";
    public const string Approver = "approver-key-0123456789abcdef";
    public const string Searcher = "searcher-key-0123456789abcdef";

    public static IEnumerable<KeyValuePair<string, string?>> Configuration() =>
    [
        new("Auth:ApiKeys:admin:Key", Admin), new("Auth:ApiKeys:admin:Scopes", "admin"),
        new("Auth:ApiKeys:reader:Key", Reader), new("Auth:ApiKeys:reader:Scopes", "read"),
        new("Auth:ApiKeys:writer:Key", Writer), new("Auth:ApiKeys:writer:Scopes", "read,write"),
        new("Auth:ApiKeys:approver:Key", Approver), new("Auth:ApiKeys:approver:Scopes", "read,approve"),
        new("Auth:ApiKeys:approver:Roles", "sre"),
        new("Auth:ApiKeys:searcher:Key", Searcher), new("Auth:ApiKeys:searcher:Scopes", "read,search"),
    ];
}
