namespace IncidentPlatform.Analysis.Offline.Reading;

/// <summary>
/// The words that name a resource (in metric names too, once split: <c>FreeStorageSpace</c>, <c>mem_used_percent</c>,
/// <c>DatabaseConnections</c>) and the words that say which way is bad: for free space, credits or available memory a low
/// value is the problem, for usage a high one.
/// </summary>
internal static class ResourceWords
{
    private static readonly Dictionary<string, Resource> Single = new(StringComparer.Ordinal)
    {
        ["disk"] = Resource.Disk, ["disks"] = Resource.Disk, ["volume"] = Resource.Disk, ["filesystem"] = Resource.Disk,
        ["partition"] = Resource.Disk, ["mountpoint"] = Resource.Disk, ["storage"] = Resource.Disk, ["inode"] = Resource.Disk,
        ["inodes"] = Resource.Disk, ["tmpdir"] = Resource.Disk,
        ["memory"] = Resource.Memory, ["mem"] = Resource.Memory, ["heap"] = Resource.Memory, ["ram"] = Resource.Memory,
        ["rss"] = Resource.Memory, ["swap"] = Resource.Memory,
        ["cpu"] = Resource.Cpu, ["cpus"] = Resource.Cpu, ["processor"] = Resource.Cpu, ["load"] = Resource.Cpu,
        ["load1"] = Resource.Cpu, ["load5"] = Resource.Cpu, ["load15"] = Resource.Cpu, ["credit"] = Resource.Cpu,
        ["threads"] = Resource.Threads, ["fds"] = Resource.Threads, ["descriptors"] = Resource.Threads, ["conntrack"] = Resource.Threads,
        ["connections"] = Resource.Connections, ["pool"] = Resource.Connections,
        ["eventloop"] = Resource.Threads,
        ["latency"] = Resource.Latency, ["took"] = Resource.Latency,
        ["5xx"] = Resource.ServerErrors,
        ["queue"] = Resource.Queue, ["backlog"] = Resource.Queue,
        ["traffic"] = Resource.Requests, ["rps"] = Resource.Requests, ["qps"] = Resource.Requests, ["requests"] = Resource.Requests,
    };

    // Two words that name a resource together (the first word alone says less or something else).
    private static readonly Dictionary<(string, string), Resource> Pairs = new()
    {
        [("file", "system")] = Resource.Disk, [("free", "space")] = Resource.Disk, [("disk", "space")] = Resource.Disk,
        [("logical", "disk")] = Resource.Disk, [("in", "use")] = Resource.None,
        [("open", "files")] = Resource.Threads, [("file", "descriptors")] = Resource.Threads, [("event", "loop")] = Resource.Threads,
        [("all", "threads")] = Resource.Threads,
        [("response", "time")] = Resource.Latency, [("took", "longer")] = Resource.Latency,
        [("request", "count")] = Resource.Requests, [("concurrent", "users")] = Resource.Requests,
        [("concurrent", "sessions")] = Resource.Requests, [("messages", "visible")] = Resource.Queue,
        [("cl", "waiting")] = Resource.Connections,
    };

    private static readonly HashSet<string> LowIsBad = new(StringComparer.Ordinal)
    {
        "free", "available", "avail", "remaining", "left", "credit", "balance", "freeable", "usable", "headroom",
    };

    /// <summary>The resource the words at <paramref name="index"/> name (looking at the pair it starts), or None.</summary>
    public static Resource At(Words words, int index)
    {
        var word = words[index];
        if (word.Kind == WordKind.Path)
        {
            return Resource.Disk;
        }

        if (word.Kind != WordKind.Letters)
        {
            return Resource.None;
        }

        if (index + 1 < words.Count && Pairs.TryGetValue((word.Text, words[index + 1].Text), out var pair))
        {
            return pair;
        }

        return Single.GetValueOrDefault(word.Text);
    }

    /// <summary>True when a low value of what the words around <paramref name="index"/> measure is the problem.</summary>
    public static bool LowIsWorse(Words words, int from, int to)
    {
        for (var i = Math.Max(0, from); i <= to && i < words.Count; i++)
        {
            if (words[i].Kind == WordKind.Letters && LowIsBad.Contains(words[i].Text))
            {
                return true;
            }
        }

        return false;
    }
}
