using CineForge.Rules;

namespace CineForge;

/// <summary>
/// Where a film's relative asset paths (LUTs, sounds) resolve from. The script host sets it to the
/// script's folder while the script runs; elsewhere it is the current directory.
/// </summary>
public static class FilmAssets
{
    private static readonly AsyncLocal<string?> CurrentRoot = new();

    /// <summary>The folder relative asset paths resolve from.</summary>
    public static string Root => CurrentRoot.Value ?? Directory.GetCurrentDirectory();

    /// <summary>Resolves <paramref name="path"/> against <see cref="Root"/>.</summary>
    public static string Resolve(string path) => Path.GetFullPath(Path.Combine(Root, path));

    /// <summary>
    /// Every asset file <paramref name="film"/> names, the one list that the asset checks, the render's
    /// preflight and the lock read: each LUT or look of the grade (a look is <c>looks/NAME.cube</c>), then
    /// the ambience, the effects and the music, in plan order.
    /// </summary>
    public static IReadOnlyList<FilmAsset> Of(Film film)
    {
        ArgumentNullException.ThrowIfNull(film);
        var assets = new List<FilmAsset>();
        foreach (var step in film.Grade.Steps.Where(s => GradeOrder.IsLook(s.Kind) && s.Source is not null))
        {
            assets.Add(new FilmAsset(AssetKind.Lut, step.Source!, step.Kind == GradeStepKind.Lut ? step.Source! : Path.Combine("looks", step.Source + ".cube")));
        }

        if (film.Sound.Ambience?.Path is { } ambience)
        {
            assets.Add(new FilmAsset(AssetKind.Ambience, ambience, ambience));
        }

        assets.AddRange(film.Sound.Effects.Select(e => new FilmAsset(AssetKind.Effect, e.Path, e.Path)));
        if (film.Sound.Music?.Path is { } music)
        {
            assets.Add(new FilmAsset(AssetKind.Music, music, music));
        }

        return assets;
    }

    /// <summary>Makes <paramref name="root"/> the asset root until the returned scope is disposed.</summary>
    public static IDisposable UseRoot(string root)
    {
        var previous = CurrentRoot.Value;
        CurrentRoot.Value = Path.GetFullPath(root);
        return new Scope(() => CurrentRoot.Value = previous);
    }

    private sealed class Scope(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}

/// <summary>What an asset file is for.</summary>
public enum AssetKind
{
    /// <summary>A 3D LUT (.cube) of the grade, named directly or through a look.</summary>
    Lut,

    /// <summary>The room tone or ambience, looped under the film.</summary>
    Ambience,

    /// <summary>A sound effect placed at a time.</summary>
    Effect,

    /// <summary>The music, looped under the film.</summary>
    Music,
}

/// <summary>One asset file a film names.</summary>
/// <param name="Kind">What it is for.</param>
/// <param name="Named">The text the film names it by (a look's name, a path), where a diagnostic points.</param>
/// <param name="Path">The file, relative to the asset root.</param>
public sealed record FilmAsset(AssetKind Kind, string Named, string Path);
