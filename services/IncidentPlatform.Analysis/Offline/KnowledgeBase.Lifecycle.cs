using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Offline;

/// <summary>Failures of the service's life cycle and load: crash loops, changes just before the errors, traffic surges.</summary>
internal static partial class KnowledgeBase
{
    /// <summary>Text that announces a change (a deployment, a configuration or flag change); errors soon after it point
    /// to the change as the root cause.</summary>
    private static IReadOnlyList<Indicator> ChangeEvents() =>
    [
        new(@"\bdeploy(ment|ed|ing|s)?\b.{0,60}(start|begin|began|complete|finish|success|done|rolled|promot|v?\d+\.\d+)|\b(started|completed|finished|new) deploy(ment)?\b", 1.0),
        new(@"rolling (update|upgrade|restart|deploy)|roll(ed|ing)? ?out\b|\brollout\b|\brelease\b.{0,30}\bv?\d+\.\d+|\bv\d+\.\d+\.\d+ (deployed|released|live)", 1.0),
        new(@"new (version|revision|task definition|image|build)\b|image\W.{0,30}(updated|changed)|task definition\W.{0,30}:\d+", 0.9),
        new(@"config(uration)? (change|changed|update|updated|reload(ed)?|push(ed)?|applied)|(changed|updated|applied) (the )?config(uration)?\b", 1.0),
        new(@"feature flag|\bflag\b\W.{0,30}(enabled|disabled|toggled|flipped|turned on)|(enabled|toggled) .{0,20}\bflag\b", 1.0),
        new(@"helm (upgrade|install|rollback)|kubectl (apply|rollout|set image)|terraform apply|argo ?cd|spinnaker|codedeploy|UpdateService|ecs deploy", 1.0),
        new(@"\bmigration\b.{0,30}(applied|ran|run|start|complete)|schema (change|migration)", 0.9),
    ];

    private static FailureSignature CrashLoop() => new(
        AnalysisCategories.CrashLoop,
        "The process crashes on or soon after start and is restarted again and again (crash loop).",
        [
            new(@"CrashLoopBackOff|back-?off restarting failed container|start request repeated too quickly|restart loop", 1.0),
            new(@"Essential container in task exited|failed with result 'exit-code'|Main process exited|exited with code (?!137\b)[1-9]\d*|exit (status|code):? (?!137\b)[1-9]\d*", 0.9),
            new(@"(container|process|task|service|pod|worker|instance)\W.{0,40}(restart(ed|ing|s)?|crash(ed|ing|es)?|died|terminated)\W.{0,40}(again|repeatedly|\d+ times|times in|loop)", 1.0),
            new(@"restart(s| count)\W.{0,20}\b([3-9]|\d{2,})\b|restarted \d{2,} times|(restarts|restarting) (every|repeatedly)", 1.0),
            new(@"segmentation fault|SIGSEGV|SIGABRT|core dumped|\bpanic:|fatal error|unhandled exception|Process terminated|Application startup exception|failed to start", 0.7),
            new(@"health ?check(s)?\W.{0,30}(fail|unhealthy)|readiness probe failed|liveness probe failed|ELB health checks? failed", 0.5),
        ],
        1.0,
        Severity.High,
        [
            "Read the logs of the last crashed container or process (previous instance) for the first error at start-up.",
            "Check what changed: image, configuration, secrets, a dependency that must be reachable at start.",
            "Roll back the change if there was one; fix the start-up failure otherwise.",
        ]);

    private static FailureSignature TrafficSurge() => new(
        AnalysisCategories.TrafficSurge,
        "Traffic rose far beyond the usual, beyond the capacity provisioned for it.",
        [
            new(@"traffic\W.{0,20}(spike|surge|increase|jump|burst)|(spike|surge|burst|jump) in (traffic|requests|load|volume|users|sign-?ups|orders)", 1.0),
            new(@"request (rate|count|volume)\W.{0,40}(spike|surge|above|increase|\d+(\.\d+)? ?x\b|times)|RequestCount\W.{0,40}(above|>|spike)", 1.0),
            new(@"\b\d+(\.\d+)? ?(x|times) (the )?(normal|usual|baseline|expected|typical)\b.{0,20}(traffic|load|volume|requests|rate)?", 0.9),
            new(@"(requests|connections) per second|\brps\b|\bqps\b|concurrent (users|connections|sessions)\W.{0,30}(record|spike|above|peak)", 0.6),
            new(@"flash sale|marketing (campaign|email|push)|bot traffic|\bddos\b|crawler|scraper|viral", 0.8),
            new(@"queue (depth|backlog|length|size)\W.{0,40}(grow|above|spike|increas|record)|ApproximateNumberOfMessagesVisible|consumer lag\W.{0,30}(grow|high|increas)", 0.7),
        ],
        0.9,
        Severity.Medium,
        [
            "Confirm the traffic rise (request rate by endpoint and client) and whether it is legitimate or abusive.",
            "Scale out the affected tier; rate-limit or block abusive clients.",
            "Review autoscaling thresholds and capacity for such peaks.",
        ]);
}
