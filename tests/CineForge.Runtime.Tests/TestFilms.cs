using CineForge.Hosting;
using CineForge.Rules;

namespace CineForge.Runtime.Tests;

/// <summary>Films and folders for runtime tests: small frames, short clips.</summary>
internal static class TestFilms
{
    /// <summary>Frame size of test renders: resolution is not what these tests are about.</summary>
    public static readonly FrameSize Small = new(192, 108);

    /// <summary>The repository root (holds CineForge.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The cosmetic ad example, loaded through the script host.</summary>
    public static Film CosmeticAd() => FilmScript.LoadAsync(Path.Combine(RepositoryRoot, "examples", "cosmetic-ad", "film.csx")).GetAwaiter().GetResult()[0];

    /// <summary>The cosmetic ad's folder (asset root).</summary>
    public static string CosmeticAdFolder => Path.Combine(RepositoryRoot, "examples", "cosmetic-ad");

    /// <summary>A three-shot film with short clips: a push-in portrait, a pan, a static object.</summary>
    public static Film Short()
    {
        var ines = Character.Sheet("Ines").Face("late twenties, short dark hair").Wardrobe("teal raincoat").Seed(31);
        return Film.Titled("Test Short")
            .Logline("A woman waits for a bus in the rain and decides to walk.")
            .Brief(b => b.Time(TimeOfDay.Dusk).Weather(Weather.Rain).Palette("teal, rust"))
            .Charter(c => c.Light(LightDirection.Right, "street lamp camera right").Palette("teal, rust"))
            .Cast(ines)
            .Shot(Shot.TightPortrait(ines).Named("waiting").Mission(Beat.Setup).Duration(3).Motion(0.35).Camera(Camera.PushIn).Seed(11))
            .Shot(Shot.WideAmbience("rainy street at dusk", ines).Named("street").Mission(Beat.Tension).Duration(3).Motion(0.3).Camera(Camera.PanRight).Seed(12))
            .Shot(Shot.ObjectDetail("rust umbrella handle, wet steel").Named("umbrella").Mission(Beat.Decision).Duration(3).Motion(0.25).Camera(Camera.Static).Seed(13));
    }

    /// <summary>Options rendering into <paramref name="folder"/> at <see cref="Small"/>.</summary>
    public static RenderOptions Options(string folder, string? assetRoot = null) => new()
    {
        OutputDirectory = Path.Combine(folder, "out"),
        CacheDirectory = Path.Combine(folder, "cache"),
        Resolution = Small,
        AssetRoot = assetRoot ?? folder,
    };

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CineForge.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CineForge.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder removed on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cineforge-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
