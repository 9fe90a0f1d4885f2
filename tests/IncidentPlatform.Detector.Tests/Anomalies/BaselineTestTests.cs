using IncidentPlatform.Detector.Anomalies;

namespace IncidentPlatform.Detector.Tests.Anomalies;

public sealed class BaselineTestTests
{
    private static readonly AnomalyOptions Options = new() { MinHistory = 10, MinCount = 10, Sensitivity = 6 };

    [Fact]
    public void Evaluate_NoisyErrorWithinItsUsualSwing_DoesNotFire()
    {
        // An error that always comes in bursts of 5 to 80 a minute; 95 is a bad minute, not an incident.
        double[] history = [5, 80, 12, 60, 30, 75, 8, 45, 70, 20, 55, 10, 65, 35, 50];

        var verdict = BaselineTest.Evaluate(95, history, Options);

        verdict.Fires.ShouldBeFalse();
        verdict.Baseline.ShouldBe(45);
    }

    [Fact]
    public void Evaluate_QuietErrorThatJumps_Fires()
    {
        double[] history = [0, 0, 1, 0, 0, 0, 2, 0, 0, 1, 0, 0];

        var verdict = BaselineTest.Evaluate(25, history, Options);

        verdict.Fires.ShouldBeTrue();
        verdict.Baseline.ShouldBe(0);
        verdict.Spread.ShouldBe(1); // the Poisson floor of a usually silent template
    }

    [Fact]
    public void Evaluate_QuietErrorThatHappensAFewTimes_DoesNotFireBelowTheMinimumCount()
    {
        double[] history = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

        BaselineTest.Evaluate(9, history, Options).Fires.ShouldBeFalse();
        BaselineTest.Evaluate(10, [.. history], Options).Fires.ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_TooLittleHistory_DoesNotFireButReportsTheBaseline()
    {
        double[] history = [0, 0, 0];

        var verdict = BaselineTest.Evaluate(500, history, Options);

        verdict.Fires.ShouldBeFalse();
        verdict.Baseline.ShouldBe(0);
    }

    [Fact]
    public void Evaluate_SteadyCountWithZeroDeviation_UsesThePoissonFloor()
    {
        // MAD 0 would make 41 an anomaly; √40 ≈ 6.3 as spread needs more than 40 + 6 × 6.3 ≈ 78.
        double[] history = [40, 40, 40, 40, 40, 40, 40, 40, 40, 40];

        BaselineTest.Evaluate(70, [.. history], Options).Fires.ShouldBeFalse();
        BaselineTest.Evaluate(80, [.. history], Options).Fires.ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_OneEarlierBurstInHistory_DoesNotRaiseTheBaseline()
    {
        double[] history = [1, 0, 2, 1, 400, 1, 0, 1, 2, 1, 0, 1];

        var verdict = BaselineTest.Evaluate(30, history, Options);

        verdict.Fires.ShouldBeTrue();
        verdict.Baseline.ShouldBe(1);
    }
}
