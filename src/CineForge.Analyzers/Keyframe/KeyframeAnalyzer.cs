using System.Linq;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CineForge.Analyzers.Keyframe;

/// <summary>CF0101–CF0107: <see cref="RuleIds"/>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KeyframeAnalyzer : PlanAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public KeyframeAnalyzer()
        : base(RuleFamily.Keyframe)
    {
    }

    private protected override bool ReadsShots => true;

    private protected override bool ReadsFilms => true;

    private protected override void AnalyzeShot(ShotSite site)
    {
        var shot = site.Shot;
        if (shot.RandomSeed is { } random && site.SetHere(random))
        {
            site.Report(RuleIds.CF0101, random, FixHint.SeedFrom(shot.Name.IsKnown ? shot.Name.Value : null), site.Subject, MessageParts.RandomSeed);
        }

        var k = shot.Keyframe;
        if (k.Width.IsKnown && k.Height.IsKnown && (site.SetHere(k.Width) || site.SetHere(k.Height)))
        {
            var size = new FrameSize(k.Width.Value, k.Height.Value);
            if (!Recommended.KeyframeResolutions.Contains(size))
            {
                site.Report(RuleIds.CF0102, k.Width.Source!, site.Subject, size);
            }
        }

        foreach (var steps in site.WithVariants(k.Steps, "steps", v => (int)v).Where(site.SetHere))
        {
            if (!Recommended.Steps.Contains(steps.Value))
            {
                site.Report(RuleIds.CF0103, steps.Source!, site.Subject, steps.Value);
            }
        }

        foreach (var cfg in site.WithVariants(k.Cfg, "cfg", ShotSite.AsDouble).Where(site.SetHere))
        {
            if (!Recommended.Cfg.Contains(cfg.Value))
            {
                site.Report(RuleIds.CF0104, cfg.Source!, site.Subject, NumericRange.Format(cfg.Value));
            }
        }

        if (site.SetHere(k.Sampler) && k.Sampler.Value != Recommended.DefaultSampler)
        {
            site.Report(RuleIds.CF0105, k.Sampler.Source!, site.Subject, k.Sampler.Value);
        }

        var denoises = site.WithVariants(k.Denoise, "denoise", ShotSite.AsDouble);
        if (shot.Corrections.IsKnown)
        {
            denoises = denoises.Concat(shot.Corrections.Value.Select(c => c.Denoise).Where(c => c.IsKnown));
        }

        foreach (var denoise in denoises.GroupBy(d => d.Value).Select(g => g.FirstOrDefault(site.SetHere)).Where(d => d.IsKnown))
        {
            if (!Recommended.Denoise.Contains(denoise.Value))
            {
                site.Report(RuleIds.CF0106, denoise.Source!, site.Subject, NumericRange.Format(denoise.Value));
            }
        }
    }

    private protected override void AnalyzeFilm(FilmSite site)
    {
        if (!site.Film.Shots.IsKnown)
        {
            return;
        }

        foreach (var placed in site.Film.Shots.Value)
        {
            if (placed.Shot.Seed.IsKnown && placed.Shot.Seed.Value is null)
            {
                site.ReportOn(RuleIds.CF0101, placed.Argument, FixHint.SeedFrom(placed.Shot.Name.IsKnown ? placed.Shot.Name.Value : null), FilmSite.ShotSubject(placed), MessageParts.NoSeed);
            }

            if (placed.Shot.SubjectFromFilm.Is(true) && placed.Shot.Type.IsKnown)
            {
                var spec = ShotTypes.Of(placed.Shot.Type.Value);
                site.ReportOn(RuleIds.CF0107, placed.Argument, FilmSite.ShotSubject(placed), spec.DisplayName, FilmSubjects.Describe(FilmSubjects.For(spec.Type)));
            }
        }
    }
}
