using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Rasid.Events;

namespace Rasid.Train;

/// <summary>A trained model: the probability that an event with the given features is paired with a gold event.</summary>
internal interface IEventhoodScorer
{
    double Score(double[] x);
}

/// <summary>A trained linear model: probability = sigmoid(bias + weights · x), as <see cref="EventhoodModel"/> scores it at run time.</summary>
internal sealed record LinearModel(double Bias, double[] Weights) : IEventhoodScorer
{
    public double Score(double[] x)
    {
        var z = Bias;
        for (var i = 0; i < x.Length; i++)
        {
            z += Weights[i] * x[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }
}

/// <summary>A boosted-trees model (Microsoft.ML FastTree), for comparison in the cross-validation only: it is not exported.</summary>
internal sealed class TreeModel(PredictionEngine<LinearTrainer.Row, LinearTrainer.Prediction> engine) : IEventhoodScorer
{
    public double Score(double[] x) => engine.Predict(new LinearTrainer.Row { Features = x.Select(v => (float)v).ToArray() }).Probability;
}

/// <summary>Trains the eventhood model with Microsoft.ML (L-BFGS logistic regression) and exports its weights.</summary>
internal static class LinearTrainer
{
    internal sealed class Row
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    internal sealed class Prediction
    {
        public float Probability { get; set; }
    }

    /// <summary>Fits boosted trees (FastTree) on <paramref name="events"/>: small trees, many examples per leaf (the sets are small).</summary>
    public static TreeModel FitTrees(IReadOnlyList<LabelledEvent> events)
    {
        var ml = new MLContext(seed: 1);
        var schema = Schema();
        var data = ml.Data.LoadFromEnumerable(events.Select(e => new Row { Label = e.Matched, Features = e.Features.Select(v => (float)v).ToArray() }), schema);
        var model = ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 4, numberOfTrees: 50, minimumExampleCountPerLeaf: 10, learningRate: 0.1).Fit(data);
        return new TreeModel(ml.Model.CreatePredictionEngine<Row, Prediction>(model, inputSchemaDefinition: schema));
    }

    private static SchemaDefinition Schema()
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, EventhoodFeatures.Names.Count);
        return schema;
    }

    /// <summary>Fits a logistic regression on <paramref name="events"/> (label: the scorer paired the event).</summary>
    public static LinearModel Fit(IReadOnlyList<LabelledEvent> events, float l1, float l2)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(events.Select(e => new Row { Label = e.Matched, Features = e.Features.Select(v => (float)v).ToArray() }), Schema());
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L1Regularization = l1,
            L2Regularization = l2,
            OptimizationTolerance = 1e-7f,
            MaximumNumberOfIterations = 1000,
        });
        var model = trainer.Fit(data).Model.SubModel;
        return new LinearModel(model.Bias, model.Weights.Select(w => (double)w).ToArray());
    }
}
