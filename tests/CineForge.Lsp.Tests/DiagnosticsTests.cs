using CineForge.Hosting;
using CineForge.Rules;

namespace CineForge.Lsp.Tests;

/// <summary>publishDiagnostics: the same as <c>cineforge check --static</c>, kept current while typing.</summary>
public sealed class DiagnosticsTests
{
    [Fact]
    public async Task On_open_the_mistakes_film_gets_the_same_ids_lines_columns_and_severities_as_check_static()
    {
        using var folder = new TempFolder();
        var film = folder.Write("film.csx", File.ReadAllText(Path.Combine(Films.RepoRoot, "examples", "mistakes", "film.csx")));
        var check = await FilmScript.CheckAsync(film, new FilmCheckOptions { StaticOnly = true, UseCache = false });
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();

        await client.OpenAsync(film, File.ReadAllText(film));
        var published = await client.DiagnosticsAsync(film);

        var expected = check.Diagnostics.Select(d => $"{d.Location!.Line}:{d.Location.Column} {Severity(d.Severity)} {d.Id}: {d.Message}").Order(StringComparer.Ordinal).ToList();
        var actual = published.Diagnostics.Select(d => $"{d.Line + 1}:{d.Character + 1} {d.Severity} {d.Code}: {d.Message}").Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.Count > 30, "the mistakes film trips most rules");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task CF0201_points_at_the_Duration_call_with_its_argument_and_a_fix_on_change_clears_it()
    {
        using var folder = new TempFolder();
        var text = Films.Clean(duration: "7");
        var film = folder.Write("film.csx", text);
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();

        await client.OpenAsync(film, text);
        var published = await client.DiagnosticsAsync(film);
        var cf0201 = Assert.Single(published.Diagnostics, d => d.Code == RuleIds.CF0201);
        Assert.Equal("Duration(7)", cf0201.Covered(text));
        Assert.Equal(1, cf0201.Severity);
        Assert.Equal(RuleCatalog.Get(RuleIds.CF0201).Format("Shot #1 'mirror'", 7), cf0201.Message);
        Assert.Equal(RuleCatalog.Get(RuleIds.CF0201).HelpLink, cf0201.Raw.GetProperty("codeDescription").GetProperty("href").GetString());

        // An incremental edit: 7 becomes 4.
        var (line, character) = Films.Find(text, "Duration(7)");
        await client.EditAsync(film, 2, line, character + "Duration(".Length, line, character + "Duration(7".Length, "4");
        var after = await client.DiagnosticsAsync(film, p => p.Version == 2);
        Assert.False(after.Has(RuleIds.CF0201));
        Assert.DoesNotContain(after.Diagnostics, d => d.Severity == 1);
        Assert.Contains(client.Logs, l => l.Contains("(incremental;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Edits_in_quick_succession_are_analysed_once_for_the_last_version()
    {
        using var folder = new TempFolder();
        var film = folder.Write("film.csx", Films.Clean());
        await using var client = LspClient.InProcess();
        await client.InitializeAsync(debounceMs: 300);

        await client.OpenAsync(film, File.ReadAllText(film));
        await client.DiagnosticsAsync(film, p => p.Version == 1);
        for (var version = 2; version <= 6; version++)
        {
            await client.ChangeAsync(film, Films.Clean(duration: (version + 4).ToString(System.Globalization.CultureInfo.InvariantCulture)), version);
        }

        var last = await client.DiagnosticsAsync(film, p => p.Version == 6);
        Assert.True(last.Has(RuleIds.CF0201));
        Assert.Contains("10 s", last.Diagnostics.Single(d => d.Code == RuleIds.CF0201).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(client.Drain(), m => m.GetProperty("params").TryGetProperty("version", out var v) && v.ValueKind == System.Text.Json.JsonValueKind.Number && v.GetInt32() is > 1 and < 6);
    }

    [Fact]
    public async Task A_change_in_a_loaded_file_republishes_the_film_that_loads_it()
    {
        using var folder = new TempFolder();
        var cast = folder.Write("cast.csx", "using CineForge;\nvar mara = Character.Sheet(\"Mara\").Face(\"early thirties\").Wardrobe(\"ochre linen shirt\").Seed(1207);\nconst double length = 4;\n");
        var text = Films.Clean(duration: "length").Replace("var mara = Character.Sheet(\"Mara\").Face(\"early thirties, freckles\").Wardrobe(\"ochre linen shirt\").Seed(1207);\n", string.Empty)
            .Replace("#r \"nuget: CineForge.Sdk, 0.1.0\"\n", "#r \"nuget: CineForge.Sdk, 0.1.0\"\n#load \"cast.csx\"\n");
        var film = folder.Write("film.csx", text);
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();

        await client.OpenAsync(film, text);
        var clean = await client.DiagnosticsAsync(film);
        Assert.DoesNotContain(clean.Diagnostics, d => d.Severity == 1);

        // The loaded file opens (not a film of its own: it belongs to film.csx) and its constant goes over 5 s.
        var castText = File.ReadAllText(cast);
        await client.OpenAsync(cast, castText);
        await client.ChangeAsync(cast, castText.Replace("const double length = 4;", "const double length = 9;"), 2);
        var republished = await client.DiagnosticsAsync(film, p => p.Has(RuleIds.CF0201));
        Assert.Contains("9 s", republished.Diagnostics.Single(d => d.Code == RuleIds.CF0201).Message, StringComparison.Ordinal);

        // A compiler error in the loaded file is published on the loaded file.
        await client.ChangeAsync(cast, castText.Replace("const double length = 4;", "const double length = ;"), 3);
        var broken = await client.DiagnosticsAsync(cast, p => p.Version == 3 && p.Diagnostics.Count > 0);
        Assert.Contains(broken.Diagnostics, d => d.Code == "CS1525" && d.Line == 2);

        // Closing the loaded file goes back to its text on disk: clean again.
        await client.NotifyAsync("textDocument/didClose", new System.Text.Json.Nodes.JsonObject { ["textDocument"] = new System.Text.Json.Nodes.JsonObject { ["uri"] = Films.Uri(cast) } });
        var reverted = await client.DiagnosticsAsync(film, p => !p.Has(RuleIds.CF0201) && p.Diagnostics.All(d => d.Severity != 1));
        Assert.Equal(Films.Uri(film), reverted.Uri);
    }

    [Fact]
    public async Task A_loaded_file_opened_before_its_film_is_analysed_as_part_of_that_film()
    {
        using var folder = new TempFolder();
        var cast = folder.Write("cast.csx", "const double length = 8;\n");
        var film = folder.Write("film.csx", Films.Clean(duration: "length").Replace("#r \"nuget: CineForge.Sdk, 0.1.0\"\n", "#r \"nuget: CineForge.Sdk, 0.1.0\"\n#load \"cast.csx\"\n"));
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();

        await client.OpenAsync(cast, File.ReadAllText(cast));
        var published = await client.DiagnosticsAsync(film, p => p.Has(RuleIds.CF0201));
        Assert.Contains("8 s", published.Diagnostics.Single(d => d.Code == RuleIds.CF0201).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_watches_files_is_asked_to_and_a_loaded_file_changed_on_disk_republishes_the_film()
    {
        using var folder = new TempFolder();
        var cast = folder.Write("cast.csx", "const double length = 4;\n");
        var film = folder.Write("film.csx", Films.Clean(duration: "length").Replace("using CineForge;\n", "#load \"cast.csx\"\nusing CineForge;\n"));
        await using var client = LspClient.InProcess();
        var watching = new System.Text.Json.Nodes.JsonObject { ["workspace"] = new System.Text.Json.Nodes.JsonObject { ["didChangeWatchedFiles"] = new System.Text.Json.Nodes.JsonObject { ["dynamicRegistration"] = true } } };
        await client.InitializeAsync(capabilities: watching);

        await client.OpenAsync(film, File.ReadAllText(film));
        Assert.False((await client.DiagnosticsAsync(film)).Has(RuleIds.CF0201));
        var registration = client.ServerRequests.Single(m => m.GetProperty("method").GetString() == "client/registerCapability");
        Assert.Equal("workspace/didChangeWatchedFiles", registration.GetProperty("params").GetProperty("registrations")[0].GetProperty("method").GetString());

        File.WriteAllText(cast, "const double length = 6;\n");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new System.Text.Json.Nodes.JsonObject { ["changes"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["uri"] = Films.Uri(cast), ["type"] = 2 }) });
        var republished = await client.DiagnosticsAsync(film, p => p.Has(RuleIds.CF0201));
        Assert.Contains("6 s", republished.Diagnostics.Single(d => d.Code == RuleIds.CF0201).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_errors_of_the_closure_are_published_at_their_directive()
    {
        using var folder = new TempFolder();
        var text = Films.Clean().Replace("using CineForge;\n", "#load \"missing.csx\"\nusing CineForge;\n");
        var film = folder.Write("film.csx", text);
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();

        await client.OpenAsync(film, text);
        var published = await client.DiagnosticsAsync(film);
        var missing = Assert.Single(published.Diagnostics);
        Assert.Contains("#load: file not found", missing.Message, StringComparison.Ordinal);
        Assert.Equal((1, 0), (missing.Line, missing.Character));
        Assert.Equal(1, missing.Severity);
    }

    [Fact]
    public async Task Editorconfig_severities_are_honoured_like_check()
    {
        using var folder = new TempFolder();
        folder.Write(".editorconfig", "root = true\n\n[*.csx]\ndotnet_diagnostic.CF0201.severity = warning\ndotnet_diagnostic.CF0204.severity = none\n");
        var text = Films.Clean(duration: "7").Replace(".Motion(0.35)", ".Motion(0.9)");
        var film = folder.Write("film.csx", text);
        var check = await FilmScript.CheckAsync(film, new FilmCheckOptions { StaticOnly = true, UseCache = false });
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();

        await client.OpenAsync(film, text);
        var published = await client.DiagnosticsAsync(film);
        Assert.Equal(2, published.Diagnostics.Single(d => d.Code == RuleIds.CF0201).Severity);
        Assert.False(published.Has(RuleIds.CF0204));
        Assert.Equal(check.Diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal), published.Codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_file_based_film_cs_gets_the_same_diagnostics_as_check_static()
    {
        using var folder = new TempFolder();
        var text = Films.Clean(duration: "6", seed: string.Empty)
            .Replace("#r \"nuget: CineForge.Sdk, 0.1.0\"\n", "#:package CineForge.Sdk@0.1.0\n")
            .Replace("return Film.Titled", "var film = Film.Titled")
            .Replace(".Export(e => e.Master().Web().Mobile());", ".Export(e => e.Master().Web().Mobile());\nConsole.WriteLine(film.ToJson());");
        var film = folder.Write("film.cs", text);
        var check = await FilmScript.CheckAsync(film, new FilmCheckOptions { StaticOnly = true, UseCache = false });
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();

        await client.OpenAsync(film, text);
        var published = await client.DiagnosticsAsync(film);
        Assert.True(published.Has(RuleIds.CF0201));
        Assert.Equal(
            check.Diagnostics.Select(d => $"{d.Location!.Line}:{d.Location.Column} {d.Id}").Order(StringComparer.Ordinal),
            published.Diagnostics.Select(d => $"{d.Line + 1}:{d.Character + 1} {d.Code}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Closing_the_film_clears_its_diagnostics()
    {
        using var folder = new TempFolder();
        var film = folder.Write("film.csx", Films.Clean(duration: "7"));
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();

        await client.OpenAsync(film, File.ReadAllText(film));
        Assert.True((await client.DiagnosticsAsync(film)).Has(RuleIds.CF0201));
        await client.NotifyAsync("textDocument/didClose", new System.Text.Json.Nodes.JsonObject { ["textDocument"] = new System.Text.Json.Nodes.JsonObject { ["uri"] = Films.Uri(film) } });
        Assert.Empty((await client.DiagnosticsAsync(film)).Diagnostics);
    }

    private static int Severity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => 1,
        RuleSeverity.Warning => 2,
        _ => 3,
    };
}
