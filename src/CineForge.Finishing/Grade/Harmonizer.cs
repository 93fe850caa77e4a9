using CineForge.Finishing.Media;
using CineForge.Runtime.Determinism;
using CineForge.Runtime.Imaging;

namespace CineForge.Finishing.Grade;

/// <summary>Per-shot harmonization: measured mean colour, the gains that neutralize it, and the reference shot.</summary>
/// <param name="Reference">Index of the reference shot (the least cast after the primary steps).</param>
/// <param name="Means">Each shot's mean colour after the primary steps.</param>
/// <param name="Gains">Each shot's per-channel gains.</param>
public sealed record Harmonization(int Reference, IReadOnlyList<Rgb> Means, IReadOnlyList<Rgb> Gains);

/// <summary>
/// Matches shots by measured colour statistics before any look: each shot's mean colour (after exposure,
/// contrast and skin) is measured, the shot with the least cast is the reference, and per-channel gains
/// bring every shot's mean to the reference's balance at the shot's own luma. The reference itself is
/// neutralized by the step's amount (fully at 1), so casts never reach the LUT and consecutive shots stop
/// pulling cyan against magenta.
/// </summary>
public static class Harmonizer
{
    /// <summary>Computes the gains for shots whose primary-graded mean colours are <paramref name="means"/>, at strength <paramref name="amount"/> (0..1).</summary>
    public static Harmonization Compute(IReadOnlyList<Rgb> means, double amount)
    {
        var reference = 0;
        for (var i = 1; i < means.Count; i++)
        {
            if (Colour.ToLab(means[i]).Chroma < Colour.ToLab(means[reference]).Chroma)
            {
                reference = i;
            }
        }

        var referenceGains = Gains(means[reference], amount);
        var target = new Rgb(means[reference].R * referenceGains.R, means[reference].G * referenceGains.G, means[reference].B * referenceGains.B);
        var targetLuma = Math.Max(1e-6, target.Luma);
        var balance = new Rgb(target.R / targetLuma, target.G / targetLuma, target.B / targetLuma);
        var gains = means.Select((m, i) => i == reference ? referenceGains : Match(m, balance)).ToList();
        return new Harmonization(reference, means, gains);
    }

    /// <summary>Gains that give <paramref name="mean"/> the channel balance <paramref name="balance"/> (channel / luma) at its own luma.</summary>
    public static Rgb Match(Rgb mean, Rgb balance)
    {
        var luma = mean.Luma;
        static double Gain(double channel, double wanted) => channel <= 1e-4 ? 1 : wanted / channel;
        return new Rgb(Gain(mean.R, balance.R * luma), Gain(mean.G, balance.G * luma), Gain(mean.B, balance.B * luma));
    }

    /// <summary>Gains that move <paramref name="mean"/> towards neutral grey of the same luma, by <paramref name="amount"/>.</summary>
    public static Rgb Gains(Rgb mean, double amount)
    {
        var luma = mean.Luma;
        static double Gain(double channel, double luma, double amount) => channel <= 1e-4 ? 1 : DetMath.Pow(luma / channel, amount);
        var g = new Rgb(Gain(mean.R, luma, amount), Gain(mean.G, luma, amount), Gain(mean.B, luma, amount));

        // Keep the shot's luma where it was: the gains change balance, not exposure.
        var after = new Rgb(mean.R * g.R, mean.G * g.G, mean.B * g.B).Luma;
        var scale = after <= 1e-6 ? 1 : luma / after;
        return new Rgb(g.R * scale, g.G * scale, g.B * scale);
    }
}
