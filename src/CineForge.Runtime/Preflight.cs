using CineForge.Rules;

namespace CineForge.Runtime;

/// <summary>Checks a render's inputs before any work, so bad input fails first and clearly.</summary>
public static class Preflight
{
    /// <summary>Fails on plan errors (severity error), listing each.</summary>
    public static void CheckPlan(Film film)
    {
        var errors = film.Validate().Where(d => d.Severity == RuleSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new RenderException($"'{film.Title}' has plan errors; fix them before rendering:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", errors)}");
        }
    }

    /// <summary>Fails when an asset the film names (LUT, sound) is missing under <paramref name="assetRoot"/>.</summary>
    public static void CheckAssets(Film film, string assetRoot)
    {
        var paths = FilmAssets.Of(film).Select(a => a.Path).Distinct(StringComparer.Ordinal);
        var missing = paths.Select(p => (Path: p, Full: Path.GetFullPath(Path.Combine(assetRoot, p)))).Where(p => !File.Exists(p.Full)).ToList();
        if (missing.Count > 0)
        {
            throw new RenderException($"'{film.Title}': missing asset(s): {string.Join(", ", missing.Select(m => $"{m.Path} (looked at {m.Full})"))}.");
        }
    }

    /// <summary>Creates <paramref name="directory"/> and proves it can be written, or fails naming it.</summary>
    public static void CheckWritable(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RenderException($"Output folder {directory} is not writable: {ex.Message}", ex);
        }
    }
}
