namespace IncidentPlatform.Testing.Loghub;

/// <summary>
/// The eight labelled loghub 2k samples kept in the repository under <c>tests/data/loghub2k</c> (see the README there
/// for their provenance and licence): the data the template miner is developed on, by leave-one-out.
/// </summary>
public static class Loghub2k
{
    /// <summary>The datasets, in the order the accuracy test and the benchmarks report them.</summary>
    public static IReadOnlyList<string> Datasets { get; } = ["HDFS", "Hadoop", "Zookeeper", "BGL", "Linux", "Mac", "HealthApp", "Proxifier"];

    /// <summary>The folder of the samples in this repository.</summary>
    public static string Directory { get; } = System.IO.Path.Combine(RepositoryPaths.Root, "tests", "data", "loghub2k");

    /// <summary>The structured CSV of one dataset.</summary>
    public static string Path(string dataset) =>
        System.IO.Path.Combine(Directory, dataset, $"{dataset}_2k.log_structured.csv");

    /// <summary>One dataset's labelled lines, named after the dataset.</summary>
    public static LabelledLogs Load(string dataset) => LabelledLogs.Load(Path(dataset), dataset);
}
