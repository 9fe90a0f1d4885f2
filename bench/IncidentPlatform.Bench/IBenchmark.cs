namespace IncidentPlatform.Bench;

/// <summary>A subcommand of the benchmark program. Implementations are found by reflection.</summary>
internal interface IBenchmark
{
    /// <summary>The subcommand name (<c>redis</c>, <c>template-accuracy</c>…).</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Description { get; }

    /// <summary>Runs with the remaining arguments; returns the process exit code.</summary>
    Task<int> RunAsync(string[] args, CancellationToken cancellationToken);
}
