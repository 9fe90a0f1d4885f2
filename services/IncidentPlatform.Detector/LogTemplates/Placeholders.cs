namespace IncidentPlatform.Detector.LogTemplates;

/// <summary>
/// The typed placeholders the masker writes for variable values, and the wildcard the miner writes where lines of one
/// template differ. Typed (rather than all <c>&lt;*&gt;</c>) so that a template still says what kind of value stood
/// there, and so that an IP in one position and a plain word in another are not taken for the same token.
/// </summary>
internal static class Placeholders
{
    public const string Wildcard = "<*>";
    public const string Number = "<NUM>";
    public const string Hex = "<HEX>";
    public const string Ip = "<IP>";
    public const string Uuid = "<UUID>";
    public const string Path = "<PATH>";
    public const string Url = "<URL>";
    public const string Quoted = "<STR>";
    public const string Email = "<EMAIL>";
    public const string Timestamp = "<TS>";

    /// <summary>A dotted name: a host, package or class name (<c>dn228.example.org</c>, <c>com.apple.Safari.Update</c>).</summary>
    public const string Name = "<NAME>";

    /// <summary>The value of a <c>key=value</c> pair that is a word rather than a number or another typed value.</summary>
    public const string Value = "<VAL>";
}
