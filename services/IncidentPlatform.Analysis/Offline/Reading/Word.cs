namespace IncidentPlatform.Analysis.Offline.Reading;

/// <summary>One word: lower-case letters, a number (with its value and a '%' after it), a path or a comparison sign.</summary>
internal readonly record struct Word(string Text, WordKind Kind, double Value, bool Percent);
