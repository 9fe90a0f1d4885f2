namespace IncidentPlatform.Detector.Anomalies;

/// <summary>Median and median absolute deviation: a baseline that one past burst does not drag up.</summary>
internal static class RobustStatistics
{
    /// <summary>The factor that makes the MAD estimate the standard deviation of normally distributed data.</summary>
    public const double MadScale = 1.4826;

    /// <summary>The median of the values; sorts them in place.</summary>
    public static double Median(Span<double> values)
    {
        if (values.Length == 0)
        {
            throw new ArgumentException("The median of nothing is undefined.", nameof(values));
        }

        values.Sort();
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /// <summary>The median and the scaled median absolute deviation; overwrites the values.</summary>
    public static (double Median, double Deviation) MedianAndDeviation(Span<double> values)
    {
        var median = Median(values);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Abs(values[i] - median);
        }

        return (median, MadScale * Median(values));
    }
}
