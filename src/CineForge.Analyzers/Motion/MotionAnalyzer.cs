using System.Collections.Generic;
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
            if (duration.Value > Recommended.MaxClipSeconds + 1e-9)
            {
                var parts = (int)System.Math.Ceiling(duration.Value / Recommended.MaxClipSeconds - 1e-9);
                var fix = FixHint.ReplaceArgument(NumericRange.Format(Recommended.MaxClipSeconds))
                    .With(FixHint.SplitParts, parts.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .With(FixHint.PartSeconds, NumericRange.Format(System.Math.Round(duration.Value / parts, 2)))
                    .With(FixHint.ShotName, shot.Name.IsKnown ? shot.Name.Value : null);
                site.Report(RuleIds.CF0201, duration.Source!, fix, site.Subject, NumericRange.Format(duration.Value));
            }
            else if (spec is not null && !spec.Duration.Contains(duration.Value))
            {
                site.Report(RuleIds.CF0202, duration.Source!, site.Subject, NumericRange.Format(duration.Value), spec.Duration, spec.DisplayName);
            }
        }

        if (site.SetHere(shot.Fps) && shot.Fps.Value != Recommended.Fps)
        {
            site.Report(RuleIds.CF0203, shot.Fps.Source!, FixHint.ReplaceArgument(Recommended.Fps.ToString(System.Globalization.CultureInfo.InvariantCulture)), site.Subject, shot.Fps.Value);
        }

        if (spec is not null)
        {
            foreach (var motion in site.WithVariants(shot.Motion, "motion", ShotSite.AsDouble).Where(site.SetHere))
            {
                if (!spec.Motion.Contains(motion.Value))
                {
                    site.Report(RuleIds.CF0204, motion.Source!, FixHint.ReplaceArgument(NumericRange.Format(spec.Motion.Clamp(motion.Value))), site.Subject, NumericRange.Format(motion.Value), spec.Motion, spec.DisplayName);
                }
            }

            foreach (var camera in site.WithVariants(shot.Camera, "camera", v => (Camera)(int)v).Where(site.SetHere))
            {
                if (!spec.Allows(camera.Value))
                {
                    site.Report(RuleIds.CF0206, camera.Source!, site.Subject, camera.Value, spec.DisplayName, spec.CameraAdvice);
                }
            }
        }

        // Both levels must be known: the message names every setting that is off, as validation does.
        if (shot.TemporalConsistency.IsKnown && shot.Noise.IsKnown && (site.SetHere(shot.TemporalConsistency) || site.SetHere(shot.Noise)))
        {
            var asked = new List<string>();
            SyntaxNode? at = null;
            if (shot.TemporalConsistency.Value != Level.High)
            {
                asked.Add(MessageParts.TemporalConsistency(shot.TemporalConsistency.Value));
                at = shot.TemporalConsistency.Source;
            }

            if (shot.Noise.Value != Level.Low)
            {
                asked.Add(MessageParts.Noise(shot.Noise.Value));
                at ??= shot.Noise.Source;
            }

            if (at is not null && site.SetHere(at))
            {
                site.Report(RuleIds.CF0205, at, site.Subject, MessageParts.JoinAsked(asked));
            }
        }
    }
}
