using CineForge.Rules;

namespace CineForge.Validation;

/// <summary>CF0601–CF0606: the realistic grade, in its order, light.</summary>
internal sealed class GradeChecks : IPlanCheck
{
    public IEnumerable<PlanDiagnostic> Check(Film film)
    {
        var who = Subject.Of(film);
        var steps = film.Grade.Steps;
        var exposure = film.Grade.IndexOf(GradeStepKind.Exposure);
        var harmonize = film.Grade.IndexOf(GradeStepKind.Harmonize);
        var looks = steps.Select((s, i) => (Step: s, Index: i)).Where(x => GradeOrder.IsLook(x.Step.Kind)).ToList();

        foreach (var (step, index) in looks)
        {
            if (exposure < 0 || index < exposure)
            {
                yield return PlanDiagnostic.Create(RuleIds.CF0601, null, null, who, GradeOrder.DisplayName(step.Kind));
            }

            if (harmonize < 0 || index < harmonize)
            {
                yield return PlanDiagnostic.Create(RuleIds.CF0606, null, null, who, GradeOrder.DisplayName(step.Kind));
            }
        }

        if (OutOfOrder(steps.Select(s => s.Kind)) is { } pair)
        {
            yield return PlanDiagnostic.Create(RuleIds.CF0602, null, null, who, GradeOrder.DisplayName(pair.Early), GradeOrder.DisplayName(pair.Late));
        }

        if (film.Grade.Has(GradeStepKind.Sharpen))
        {
            yield return PlanDiagnostic.Create(RuleIds.CF0603, null, null, who);
        }

        foreach (var excess in Excesses(film.Grade))
        {
            yield return PlanDiagnostic.Create(RuleIds.CF0604, null, null, who, excess);
        }

        var hasGrain = film.Grade.Has(GradeStepKind.Grain);
        foreach (var target in film.Exports.Targets.Where(t => t.Kind != ExportKind.Master))
        {
            var lacking = new List<string>();
            if (!hasGrain)
            {
                lacking.Add(MessageParts.Grain);
            }

            if (!target.HasHeadroom)
            {
                lacking.Add(MessageParts.HighlightHeadroom);
            }

            if (lacking.Count > 0)
            {
                yield return PlanDiagnostic.Create(RuleIds.CF0605, null, null, who, MessageParts.Export(target.Kind), MessageParts.JoinLacking(lacking));
            }
        }
    }

    /// <summary>The first primary step written before one that must precede it.</summary>
    internal static (GradeStepKind Early, GradeStepKind Late)? OutOfOrder(IEnumerable<GradeStepKind> kinds)
    {
        var seen = new List<GradeStepKind>();
        foreach (var kind in kinds)
        {
            var rank = GradeOrder.RankOf(kind);
            if (rank < 0)
            {
                continue;
            }

            var later = seen.FirstOrDefault(s => GradeOrder.RankOf(s) > rank);
            if (seen.Any(s => GradeOrder.RankOf(s) > rank))
            {
                return (later, kind);
            }

            seen.Add(kind);
        }

        return null;
    }

    private static IEnumerable<string> Excesses(GradeChain grade)
    {
        var looks = grade.Steps.Where(s => GradeOrder.IsLook(s.Kind)).ToList();
        if (looks.Count > 1)
        {
            yield return MessageParts.StackedLooks(looks.Count);
        }

        foreach (var look in looks.Where(l => l.Amount > Recommended.MaxLookStrength + 1e-9))
        {
            yield return MessageParts.HeavyLook(look.Kind, look.Amount);
        }

        foreach (var repeated in grade.Steps.Where(s => GradeOrder.RankOf(s.Kind) >= 0).GroupBy(s => s.Kind).Where(g => g.Count() > 1))
        {
            yield return MessageParts.Repeated(repeated.Key, repeated.Count());
        }

        foreach (var grain in grade.Steps.Where(s => s.Kind == GradeStepKind.Grain && s.Amount > Recommended.MaxLightGrain + 1e-9))
        {
            yield return MessageParts.HeavyGrain(grain.Amount);
        }
    }
}
