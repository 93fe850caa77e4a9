using CineForge.Rules;
using CineForge.Runtime.Imaging;

namespace CineForge.Runtime.Stages.Select.Qa;

/// <summary>
/// QA12 across shots: the ΔE between the product's colour in every two shots that show it (their
/// selected takes' <see cref="QaReport.Product"/>), so the hook and the call to action are compared
/// directly and not only through the shots between them. One home for render.json and the report.
/// </summary>
public static class ProductContinuity
{
    /// <summary>Every pair of <paramref name="shots"/> that both read the product, in timeline order.</summary>
    public static IReadOnlyList<ProductStep> Pairs(IReadOnlyList<(string Shot, Lab? Product)> shots)
    {
        ArgumentNullException.ThrowIfNull(shots);
        var read = shots.Where(s => s.Product is not null).ToList();
        var steps = new List<ProductStep>();
        for (var i = 0; i < read.Count; i++)
        {
            for (var j = i + 1; j < read.Count; j++)
            {
                var delta = read[i].Product!.Value.DeltaE(read[j].Product!.Value);
                steps.Add(new ProductStep(read[i].Shot, read[j].Shot, Math.Round(delta, 3), QaMetrics.ProductAppearance.Passes(delta)));
            }
        }

        return steps;
    }
}

/// <summary>The product's appearance between two shots that show it (QA12 across shots).</summary>
/// <param name="From">Earlier shot's name.</param>
/// <param name="To">Later shot's name.</param>
/// <param name="DeltaE">CIE76 ΔE between the product's mean colours in the two shots.</param>
/// <param name="Passed">Whether the difference is within QA12's tolerance.</param>
public sealed record ProductStep(string From, string To, double DeltaE, bool Passed);
