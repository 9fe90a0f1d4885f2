namespace IncidentPlatform.Testing.Loghub;

/// <summary>
/// Leave-one-out model selection over labelled data sets: for each set in turn, the configuration with the best mean
/// score on all the others is chosen and measured on the one left out. The mean of those held-out scores estimates what
/// the chosen settings do on a source nobody tuned for.
/// </summary>
public static class LeaveOneOut
{
    /// <summary>The folds, one per data set.</summary>
    /// <param name="scores">The score of every configuration (rows) on every data set (columns).</param>
    public static IReadOnlyList<Fold> Run(double[,] scores)
    {
        var sets = scores.GetLength(1);
        var folds = new Fold[sets];
        for (var d = 0; d < sets; d++)
        {
            var chosen = Best(scores, except: d);
            folds[d] = new Fold(d, chosen, Mean(scores, chosen, except: d), scores[chosen, d]);
        }

        return folds;
    }

    /// <summary>The configuration with the best mean over the data sets but one (-1: all); ties go to the first.</summary>
    public static int Best(double[,] scores, int except = -1)
    {
        var best = 0;
        var bestMean = double.MinValue;
        for (var c = 0; c < scores.GetLength(0); c++)
        {
            var mean = Mean(scores, c, except);
            if (mean > bestMean + 1e-9)
            {
                best = c;
                bestMean = mean;
            }
        }

        return best;
    }

    /// <summary>A configuration's mean score over the data sets but one (-1: all).</summary>
    public static double Mean(double[,] scores, int configuration, int except = -1)
    {
        var sets = scores.GetLength(1);
        var sum = 0.0;
        for (var d = 0; d < sets; d++)
        {
            sum += d == except ? 0 : scores[configuration, d];
        }

        return sum / (except < 0 ? sets : sets - 1);
    }

    /// <summary>One fold: the data set left out, the configuration chosen without it, its mean on the others, its score on it.</summary>
    public sealed record Fold(int HeldOut, int Chosen, double TrainMean, double HeldOutScore);
}
