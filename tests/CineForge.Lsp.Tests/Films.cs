using System.Text.Json;
using System.Text.Json.Nodes;

namespace CineForge.Lsp.Tests;

/// <summary>The films the tests open, a scratch folder for them, and LSP helpers.</summary>
internal static class Films
{
    /// <summary>The built command next to the test binaries.</summary>
    public static string CineforgeDll { get; } = Path.Combine(AppContext.BaseDirectory, "cineforge.dll");

    /// <summary>The repository root.</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>A small film that breaks no error rule; the shot's duration and seed call vary it, and <paramref name="prelude"/> goes before the declarations.</summary>
    public static string Clean(string duration = "4", string seed = ".Seed(7)", string prelude = "") => $$"""
        #r "nuget: CineForge.Sdk, 0.1.0"
        using CineForge;
        {{prelude}}
        var mara = Character.Sheet("Mara").Face("early thirties, freckles").Wardrobe("ochre linen shirt").Seed(1207);

        return Film.Titled("Morning")
            .Cast(mara)
            .Shot(Shot.TightPortrait(mara).Named("mirror").Mission(Beat.Setup).Duration({{duration}}).Motion(0.35){{seed}})
            .Export(e => e.Master().Web().Mobile());
        """.Replace("\r\n", "\n") + "\n";

    /// <summary>The <c>file:</c> URI of a path, as the server writes it.</summary>
    public static string Uri(string path) => new Uri(path).AbsoluteUri;

    /// <summary>An LSP range.</summary>
    public static JsonObject Range(int line, int character, int endLine, int endCharacter) => new()
    {
        ["start"] = new JsonObject { ["line"] = line, ["character"] = character },
        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
    };

    /// <summary>A position.</summary>
    public static JsonObject Position(int line, int character) => new() { ["line"] = line, ["character"] = character };

    /// <summary>The zero-based line and column of the first <paramref name="needle"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Character) Find(string text, string needle)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var at = lines[i].IndexOf(needle, StringComparison.Ordinal);
            if (at >= 0)
            {
                return (i, at);
            }
        }

        throw new InvalidOperationException($"'{needle}' is not in the text.");
    }

    /// <summary>Applies LSP text edits (ranges in the original text) to <paramref name="text"/>.</summary>
    public static string Apply(string text, JsonElement edits)
    {
        var lines = text.Split('\n');
        int Offset(JsonElement position)
        {
            var line = position.GetProperty("line").GetInt32();
            var offset = lines.Take(line).Sum(l => l.Length + 1);
            return offset + position.GetProperty("character").GetInt32();
        }

        var ordered = edits.EnumerateArray()
            .Select(e => (Start: Offset(e.GetProperty("range").GetProperty("start")), End: Offset(e.GetProperty("range").GetProperty("end")), Text: e.GetProperty("newText").GetString()!))
            .OrderByDescending(e => e.Start);
        foreach (var edit in ordered)
        {
            text = text[..edit.Start] + edit.Text + text[edit.End..];
        }

        return text;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CineForge.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}

/// <summary>A scratch folder, deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cineforge-lsp-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in the folder; returns its full path.</summary>
    public string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
