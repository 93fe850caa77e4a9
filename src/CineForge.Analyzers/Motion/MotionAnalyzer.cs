using System.Linq;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CineForge.Analyzers.Motion;

/// <summary>CF0201–CF0206: <see cref="RuleIds"/>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MotionAnalyzer : PlanAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public MotionAnalyzer()
        : base(RuleFamily.Motion)
    {
    }

    private protected override bool ReadsShots => true;

    private protected override void AnalyzeShot(ShotSite site)
    {
        var shot = site.Shot;
        var spec = shot.Type.IsKnown ? ShotTypes.Of(shot.Type.Value) : null;
        foreach (var duration in site.WithVariants(shot.Duration, "duration", ShotSite.AsDouble).Where(site.SetHere))
        {
            if (ShotChecks.Duration(duration.Value, spec) is not { } found)
            {
                continue;
            }

            if (found.RuleId == RuleIds.CF0201)
            {
                var parts = (int)System.Math.Ceiling(duration.Value / Recommended.MaxClipSeconds - 1e-9);
                var fix = FixHint.ReplaceArgument(NumericRange.Format(Recommended.MaxClipSeconds))
                    .With(FixHint.SplitParts, parts.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .With(FixHint.PartSeconds, NumericRange.Format(System.Math.Round(duration.Value / parts, 2)))
                    .With(FixHint.ShotName, shot.Name.IsKnown ? shot.Name.Value : null);
                site.Report(found, duration.Source!, fix);
            }
            else
            {
                site.Report(found, duration.Source!);
            }
        }

        if (site.SetHere(shot.Fps) && ShotChecks.Fps(shot.Fps.Value) is { } fps)
        {
            site.Report(fps, shot.Fps.Source!, FixHint.ReplaceArgument(Recommended.Fps.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (spec is not null)
        {
            foreach (var motion in site.WithVariants(shot.Motion, "motion", ShotSite.AsDouble).Where(site.SetHere))
            {
                if (ShotChecks.Motion(motion.Value, spec) is { } found)
                {
                    site.Report(found, motion.Source!, FixHint.ReplaceArgument(NumericRange.Format(spec.Motion.Clamp(motion.Value))));
                }
            }

            foreach (var camera in site.WithVariants(shot.Camera, "camera", v => (Camera)(int)v).Where(site.SetHere))
            {
                if (ShotChecks.Camera(camera.Value, spec) is { } found)
                {
                    site.Report(found, camera.Source!);
                }
            }
        }

        // Both levels must be known: the message names every setting that is off, as validation does.
        if (shot.TemporalConsistency.IsKnown && shot.Noise.IsKnown && (site.SetHere(shot.TemporalConsistency) || site.SetHere(shot.Noise))
            && ShotChecks.Consistency(shot.TemporalConsistency.Value, shot.Noise.Value) is { } asked)
        {
            var at = asked.At == 0 ? shot.TemporalConsistency.Source : shot.Noise.Source;
            if (site.SetHere(at))
            {
                site.Report(asked, at!);
            }
        }
    }
}
