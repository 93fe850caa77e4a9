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
            site.Report(ShotChecks.Unseeded(random: true), random, FixHint.SeedFrom(shot.Name.IsKnown ? shot.Name.Value : null));
        }

        var k = shot.Keyframe;
        if (k.Width.IsKnown && k.Height.IsKnown && (site.SetHere(k.Width) || site.SetHere(k.Height)) && ShotChecks.Resolution(k.Width.Value, k.Height.Value) is { } size)
        {
            site.Report(size, k.Width.Source!);
        }

        foreach (var steps in site.WithVariants(k.Steps, "steps", v => (int)v).Where(site.SetHere))
        {
            if (ShotChecks.Steps(steps.Value) is { } found)
            {
                site.Report(found, steps.Source!);
            }
        }

        foreach (var cfg in site.WithVariants(k.Cfg, "cfg", ShotSite.AsDouble).Where(site.SetHere))
        {
            if (ShotChecks.Cfg(cfg.Value) is { } found)
            {
                site.Report(found, cfg.Source!);
            }
        }

        if (site.SetHere(k.Sampler) && ShotChecks.Sampler(k.Sampler.Value) is { } sampler)
        {
            site.Report(sampler, k.Sampler.Source!);
        }

        var denoises = site.WithVariants(k.Denoise, "denoise", ShotSite.AsDouble);
        if (shot.Corrections.IsKnown)
        {
            denoises = denoises.Concat(shot.Corrections.Value.Select(c => c.Denoise).Where(c => c.IsKnown));
        }

        foreach (var denoise in denoises.GroupBy(d => d.Value).Select(g => g.FirstOrDefault(site.SetHere)).Where(d => d.IsKnown))
        {
            if (ShotChecks.Denoise(denoise.Value) is { } found)
            {
                site.Report(found, denoise.Source!);
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
                site.ReportOn(ShotChecks.Unseeded(random: false), placed, FixHint.SeedFrom(placed.Shot.Name.IsKnown ? placed.Shot.Name.Value : null));
            }

            if (placed.Shot.SubjectFromFilm.Is(true) && placed.Shot.Type.IsKnown)
            {
                site.ReportOn(ShotChecks.SubjectFromFilm(ShotTypes.Of(placed.Shot.Type.Value)), placed);
            }
        }
    }
}
