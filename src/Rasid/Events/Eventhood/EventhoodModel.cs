using System.Globalization;
using Rasid.Data;

namespace Rasid.Events;

/// <summary>
/// The eventhood filter's weights (data/events/eventhood.tsv, written by tools/Rasid.Train; docs/eventhood.md): a
/// logistic regression over <see cref="EventhoodFeatures"/>. An event whose probability of being a real, new event is
/// below <see cref="Threshold"/> is dropped. Scoring needs no ML library: a sum of products and a sigmoid.
/// </summary>
internal sealed class EventhoodModel
{
    /// <summary>Where the weights live in the data folder.</summary>
    public const string DataPath = "events/eventhood.tsv";

    /// <summary>The name of the intercept row.</summary>
    public const string BiasName = "(bias)";

    /// <summary>The name of the threshold row.</summary>
    public const string ThresholdName = "(threshold)";

    private EventhoodModel(double bias, double threshold, double[] weights)
    {
        Bias = bias;
        Threshold = threshold;
        Weights = weights;
    }

    /// <summary>The intercept.</summary>
    public double Bias { get; }

    /// <summary>Events scoring below this probability are dropped.</summary>
    public double Threshold { get; }

    /// <summary>One weight per feature, in <see cref="EventhoodFeatures.Names"/> order (0 for a feature the file omits).</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>The model in <paramref name="data"/>, or null when the data folder has no weights file (no filtering).</summary>
    public static EventhoodModel? Load(IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Exists(DataPath) ? Parse(TsvReader.Read(data, DataPath)) : null;
    }

    /// <summary>Builds the model from the rows (columns feature, weight) of a weights file; unknown features are an error.</summary>
    public static EventhoodModel Parse(IReadOnlyList<TsvRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var weights = new double[EventhoodFeatures.Names.Count];
        double? bias = null, threshold = null;
        foreach (var row in rows)
        {
            if (!double.TryParse(row["weight"], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !double.IsFinite(w))
            {
                throw new InvalidDataException($"{row.Location}: weight '{row["weight"]}' is not a number");
            }

            var name = row["feature"];
            if (name == BiasName)
            {
                bias = w;
            }
            else if (name == ThresholdName)
            {
                threshold = w is >= 0 and <= 1 ? w : throw new InvalidDataException($"{row.Location}: the threshold is a probability in [0, 1]");
            }
            else
            {
                var index = EventhoodFeatures.IndexOf(name);
                weights[index >= 0 ? index : throw new InvalidDataException($"{row.Location}: unknown feature '{name}' (known: {string.Join(", ", EventhoodFeatures.Names)})")] = w;
            }
        }

        return new EventhoodModel(
            bias ?? throw new InvalidDataException($"{DataPath}: no {BiasName} row"),
            threshold ?? throw new InvalidDataException($"{DataPath}: no {ThresholdName} row"),
            weights);
    }

    /// <summary>The probability that an event with features <paramref name="x"/> is a real, new event.</summary>
    public double Score(IReadOnlyList<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var z = Bias;
        for (var i = 0; i < x.Count; i++)
        {
            z += Weights[i] * x[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>The <paramref name="count"/> features that lowered the score most (weight × value, most negative first).</summary>
    public IEnumerable<(string Feature, double Contribution)> Against(IReadOnlyList<double> x, int count) =>
        x.Select((v, i) => (Feature: EventhoodFeatures.Names[i], Contribution: Weights[i] * v))
            .Where(f => f.Contribution < 0)
            .OrderBy(f => f.Contribution)
            .Take(count);
}
