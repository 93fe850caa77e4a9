using CineForge.Rules;
using CineForge.Runtime.Media;

namespace CineForge.Finishing;

/// <summary>
/// What a finishing pass reports, as plain data: each stem's loudness, the cuts that change too much,
/// the exports and the report. A farm's finish job hands it to the submitter that watches the film,
/// which prints it as a local render prints its <see cref="FinishingResult"/>.
/// </summary>
/// <param name="Stems">Every stem's loudness.</param>
/// <param name="Cuts">The cuts that change more than the rule allows (CF0303).</param>
/// <param name="Exports">The finished files.</param>
/// <param name="ReportPath">The report.</param>
public sealed record FinishingSummary(IReadOnlyList<StemLoudness> Stems, IReadOnlyList<CutWarning> Cuts, IReadOnlyList<ExportSummary> Exports, string ReportPath)
{
    /// <summary>The summary of <paramref name="finished"/>.</summary>
    public static FinishingSummary Of(FinishingResult finished)
    {
        ArgumentNullException.ThrowIfNull(finished);
        return new(
            finished.Sound.Stems.Select(s => new StemLoudness(s.Name, s.Measured.Integrated, s.Target, s.Miss, s.Passes)).ToList(),
            finished.Edit.Cuts.Where(c => c.Violates).Select(c => new CutWarning(c.From, c.To, c.Changes)).ToList(),
            finished.Exports.Files.Select(f => new ExportSummary(f.Kind, f.Path, f.Probe)).ToList(),
            finished.ReportPath);
    }
}

/// <summary>A stem's measured loudness against its target.</summary>
/// <param name="Name">The stem.</param>
/// <param name="Integrated">Integrated loudness as mixed, LUFS.</param>
/// <param name="Target">Its target, LUFS.</param>
/// <param name="Miss">Distance from the target, LU.</param>
/// <param name="Passes">QA05 passes.</param>
public sealed record StemLoudness(string Name, double Integrated, double Target, double Miss, bool Passes);

/// <summary>A cut that changes more dimensions than the rule allows.</summary>
/// <param name="From">The shot before the cut.</param>
/// <param name="To">The shot after it.</param>
/// <param name="Changes">What changes.</param>
public sealed record CutWarning(string From, string To, IReadOnlyList<string> Changes);

/// <summary>A finished file.</summary>
/// <param name="Kind">Master or distribution export.</param>
/// <param name="Path">The file.</param>
/// <param name="Probe">What ffprobe reads in it.</param>
public sealed record ExportSummary(ExportKind Kind, string Path, MediaInfo Probe);
