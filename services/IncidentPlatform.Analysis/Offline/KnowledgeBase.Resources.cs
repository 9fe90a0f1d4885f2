using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Offline;

/// <summary>Failures of a resource running out: connection pools, memory, disk, CPU and threads.</summary>
internal static partial class KnowledgeBase
{
    private static FailureSignature ConnectionPool() => new(
        AnalysisCategories.ConnectionPoolExhaustion,
        "The connection pool is exhausted: requests wait for a free database or client connection and fail or time out.",
        [
            new(@"connection pool\W.{0,40}(exhausted|depleted|is full|limit)", 1.0),
            new(@"pool\b.{0,60}(connection is not available|timeout waiting for (an )?idle object|no (free|idle|available) (connection|object))", 1.0),
            new(@"(obtaining|acquiring|get(ting)?) a connection from the pool", 1.0),
            new(@"too many (clients|connections)|remaining connection slots are reserved|max_connections|ER_CON_COUNT_ERROR", 1.0),
            new(@"QueuePool limit of size \d+ overflow \d+ reached", 1.0),
            new(@"(unable|failed|could ?n[o']t) to (acquire|obtain|get|borrow|lease) (a |an )?(new |free |jdbc |db |database |pooled |sql |http )?connection", 0.9),
            new(@"all pooled connections were in use|max(imum)? pool size.{0,30}reached|pool size limit", 1.0),
            new(@"\b(active|in[- ]use|checked[- ]out|busy) connections?\W.{0,30}(\d+\s*/\s*\d+|at (the )?(limit|max)|maxed)", 0.8),
            new(@"(pending|waiting|queued) (connection )?(acquires|acquisitions|requests? for a connection|for a connection)", 0.8),
            new(@"connection leak|leak detection|unclosed connection", 0.7),
            new(@"no more connections allowed|client_login_timeout|pgbouncer.{0,40}(cannot|no more|wait)|max(imum)? number of clients reached|maxclients", 0.9),
            new(@"\bconnections?\W.{0,20}(maxed( out)?|at capacity|exhausted|used up)|used (up )?all (of (the|its) )?\d* ?(db |database )?connections|all \d* ?(db |database )?connections (are |were )?(in use|busy|taken)", 0.9),
            new(@"\b(db|database|connection)[_ ]?pool\b", 0.4),
        ],
        1.0,
        Severity.Medium,
        [
            "Check the database's active connections and its max_connections against the sum of every replica's pool size.",
            "Look for slow queries or transactions held open that keep connections checked out, and for connection leaks.",
            "Recycle the affected tasks to release held connections, then raise the pool size or the database limit if the load is legitimate.",
        ]);

    private static FailureSignature OutOfMemory() => new(
        AnalysisCategories.OutOfMemory,
        "The process runs out of memory (heap exhausted or the container's memory limit hit) and is killed or fails allocations.",
        [
            new(@"OutOfMemory(Error|Exception)?\b|\bout of memory\b|\bOOM[-_ ]?kill(ed|er)?\b|OOMKilled|oom-kill", 1.0),
            new(@"Killed process \d+|memory cgroup out of memory|Memory cgroup out of memory", 1.0),
            new(@"Cannot allocate memory|std::bad_alloc|MemoryError\b|heap out of memory|Allocation failed", 1.0),
            new(@"GC overhead limit exceeded|Java heap space|Metaspace|runtime: out of memory", 1.0),
            new(@"exit(ed)? (with )?(code|status) 137\b|\bexit code: 137\b|signal 9\b|SIGKILL", 0.7),
            new(@"(memory|heap|rss) (usage|utili[sz]ation|used)\W.{0,40}\b(9\d|1\d\d)(\.\d+)?\s?%", 0.8),
            new(@"(memory|heap)\W.{0,40}(limit|threshold) (reached|exceeded|breached)|exceed(ed|s|ing) (its |the )?memory limit", 0.9),
            new(@"evict(ed|ing)?\W.{0,40}memory|MemoryPressure|low on memory|memory pressure", 0.8),
            new(@"swap(ping)?\W.{0,30}(high|exhausted|thrash)", 0.6),
            new(@"\bMemoryUtilization\b|\bmem(ory)?\b.{0,20}\bhigh\b", 0.5),
        ],
        1.0,
        Severity.High,
        [
            "Confirm the kills in the container or kernel logs (OOMKilled, exit code 137) and note the memory limit.",
            "Compare memory use before and after the last deployment or traffic change to tell a leak from a heavier load.",
            "Replace the affected tasks to restore service, then raise the memory limit or fix the leak (heap dump on the next occurrence).",
        ]);

    private static FailureSignature DiskFull() => new(
        AnalysisCategories.DiskFull,
        "A disk or volume is full, so writes (logs, data, temporary files) fail.",
        [
            new(@"No space left on device|\bENOSPC\b|not enough space on the disk|insufficient (disk|storage) space", 1.0),
            new(@"\bdisk (is )?full\b|\bvolume (is )?full\b|database or disk is full|disk quota exceeded", 1.0),
            new(@"(file ?system|volume|partition|disk|mount|/[a-z/]*)\W.{0,40}\b(9[5-9]|100)(\.\d+)?\s?%\s*(full|used|usage|utili[sz]ed)?", 0.9),
            new(@"(disk|storage|volume|file ?system) (usage|utili[sz]ation|used)\W.{0,30}\b(8[5-9]|9\d|100)(\.\d+)?\s?%", 0.8),
            new(@"DiskPressure|low disk space|disk space (low|critical)|FreeStorageSpace|free (disk )?space\W.{0,20}(below|under|less than|low)", 0.9),
            new(@"could not (extend|write to) file|inodes?\W.{0,30}(exhausted|100\s?%|full)|write[- ]ahead log.{0,40}full", 0.9),
            new(@"The table '[^']{1,200}' is full|ER_RECORD_FILE_FULL|\bERROR 1114\b", 0.9),
            new(@"(failed|unable) to write\W.{0,60}(disk|device|volume|file)", 0.5),
        ],
        1.0,
        Severity.High,
        [
            "Find what fills the volume (du on the largest directories: logs, temporary files, core dumps, data).",
            "Free space safely (rotate and compress logs, delete old temporary files), then check writes succeed again.",
            "Fix the cause: log rotation, retention, or a bigger volume; alert earlier on disk usage.",
        ]);

    private static FailureSignature Saturation() => new(
        AnalysisCategories.ResourceSaturation,
        "A resource is saturated (CPU, threads or file descriptors), so work queues up and requests slow down or are rejected.",
        [
            new(@"\bcpu\b\W.{0,40}\b(9\d|1\d\d)(\.\d+)?\s?%|\bCPUUtili[sz]ation\b.{0,40}\b(8\d|9\d|100)|high cpu|cpu (saturat|starv|pegged|spike)", 1.0),
            new(@"cpu\W.{0,20}throttl|nr_throttled|throttled (cpu|periods)", 0.9),
            new(@"load average\W.{0,20}\b\d{2,}(\.\d+)?", 0.8),
            new(@"thread ?pool\W.{0,40}(starv|exhausted|saturat|queue (is )?full)|RejectedExecutionException|rejected from .{0,60}(executor|pool)", 1.0),
            new(@"(run|work|task|request|accept) queue\W.{0,20}(is )?(full|saturated|overflow)|all (workers|threads) (are )?busy|worker(s| pool)? exhausted", 0.9),
            new(@"\bEMFILE\b|too many open files|max(imum)? number of (threads|processes)|unable to create (new )?native thread|pids? limit", 0.9),
            new(@"(cpu|processor) (usage|utili[sz]ation|load)|steal time|event loop (lag|blocked|delay)", 0.5),
        ],
        0.85,
        Severity.Medium,
        [
            "Check CPU, thread and file-descriptor use per instance against their limits, and what consumes them (profiles, hot endpoints).",
            "Scale out if the load is legitimate; look for a runaway job, a retry storm or a hot loop if it is not.",
            "Set limits and alerts so saturation is caught before requests fail.",
        ]);
}
