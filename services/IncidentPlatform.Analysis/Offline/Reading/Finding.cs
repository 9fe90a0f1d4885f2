namespace IncidentPlatform.Analysis.Offline.Reading;

/// <summary>What a line says about the failure, read like an engineer reads it: a category and how clearly (0–1).</summary>
/// <param name="Category">The category it points to.</param>
/// <param name="Strength">1 = unmistakable (a value past its stated threshold), 0.5 = a hint.</param>
internal readonly record struct Finding(string Category, double Strength);
