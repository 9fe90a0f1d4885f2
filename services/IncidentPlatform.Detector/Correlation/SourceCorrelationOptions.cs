namespace IncidentPlatform.Detector.Correlation;

/// <summary>
/// Correlation settings of one alert source (<c>Detector:Correlation:Sources:&lt;source&gt;</c>). Defaults: grouping on for
/// detector signals (alerts carrying evidence) and off otherwise; a 30-minute quiet period except for sources that send
/// their own resolves (<c>cloudwatch</c>, <c>alertmanager</c>, <c>grafana</c>, <c>pagerduty</c>), where it is off.
/// </summary>
internal sealed class SourceCorrelationOptions
{
    /// <summary>Group the source's alerts of one service into the service's open incident.</summary>
    public bool? Group { get; set; }

    /// <summary>Resolve after this long without a firing alert; zero turns it off.</summary>
    public TimeSpan? QuietPeriod { get; set; }
}
