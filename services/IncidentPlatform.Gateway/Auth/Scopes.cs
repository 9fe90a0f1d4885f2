namespace IncidentPlatform.Gateway.Auth;

/// <summary>
/// What a caller may do. <c>admin</c> implies every other scope. <c>search</c> runs ad-hoc log searches (Splunk SPL)
/// with the platform's own Splunk token, so it is not part of <c>read</c>.
/// </summary>
internal static class Scopes
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Approve = "approve";
    public const string Search = "search";
    public const string Admin = "admin";

    /// <summary>The claim type carrying one scope.</summary>
    public const string ClaimType = "scope";

    public static readonly IReadOnlyList<string> All = [Read, Write, Approve, Search, Admin];

    /// <summary>The authorization policy requiring <paramref name="scope"/>.</summary>
    public static string Policy(string scope) => "scope:" + scope;
}
