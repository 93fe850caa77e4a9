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
