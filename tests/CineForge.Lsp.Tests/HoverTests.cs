using System.Text.Json;
using System.Text.Json.Nodes;
using CineForge.Rules;

namespace CineForge.Lsp.Tests;

/// <summary>textDocument/hover and completion: the catalog's text where the film names a rule or a DSL method.</summary>
public sealed class HoverTests
{
    [Fact]
    public async Task Hover_on_Duration_shows_CF0201_and_CF0202_from_the_catalog_with_the_ranges_and_the_docs_page()
    {
        using var folder = new TempFolder();
        var text = Films.Clean(duration: "7");
        var film = folder.Write("film.csx", text);
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();
        await client.OpenAsync(film, text);
        await client.DiagnosticsAsync(film);

        var (line, character) = Films.Find(text, "Duration(7)");
        var hover = await HoverAsync(client, film, line, character + 3);

        var markdown = hover.GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Equal("markdown", hover.GetProperty("contents").GetProperty("kind").GetString());
        var rule = RuleCatalog.Get(RuleIds.CF0201);
        Assert.Contains(rule.Title, markdown, StringComparison.Ordinal);
        Assert.Contains(rule.Why, markdown, StringComparison.Ordinal);
        Assert.Contains(rule.Fix, markdown, StringComparison.Ordinal);
        Assert.Contains($"[{rule.DocPath}]({rule.HelpLink})", markdown, StringComparison.Ordinal);
        Assert.Contains(RuleCatalog.Get(RuleIds.CF0202).Title, markdown, StringComparison.Ordinal);
        Assert.Contains("tight portrait " + ShotTypes.TightPortrait.Duration + " s", markdown, StringComparison.Ordinal);
        Assert.Equal(character, hover.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
        Assert.Equal(character + "Duration".Length, hover.GetProperty("range").GetProperty("end").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task Hover_on_Motion_Seed_and_a_preset_shows_their_rules_and_ranges()
    {
        using var folder = new TempFolder();
        var text = Films.Clean();
        var film = folder.Write("film.csx", text);
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();
        await client.OpenAsync(film, text);
        await client.DiagnosticsAsync(film);

        var motion = await MarkdownAtAsync(client, film, text, "Motion(0.35)");
        Assert.Contains(RuleCatalog.Get(RuleIds.CF0204).Title, motion, StringComparison.Ordinal);
        Assert.Contains("tight portrait " + ShotTypes.TightPortrait.Motion, motion, StringComparison.Ordinal);
        var seed = await MarkdownAtAsync(client, film, text, "Seed(7)");
        Assert.Contains(RuleCatalog.Get(RuleIds.CF0101).Title, seed, StringComparison.Ordinal);
        var preset = await MarkdownAtAsync(client, film, text, "TightPortrait(mara)");
        Assert.Contains("duration " + ShotTypes.TightPortrait.Duration + " s", preset, StringComparison.Ordinal);
        Assert.Contains(ShotTypes.TightPortrait.KeyRisk, preset, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hover_on_a_rule_id_in_a_comment_or_a_pragma_and_inside_a_diagnostic_shows_that_rule()
    {
        using var folder = new TempFolder();
        var text = Films.Clean(duration: "7", prelude: "// CF0204: keep the motion sober\n#pragma warning disable CF0303\n");
        var film = folder.Write("film.csx", text);
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();
        await client.OpenAsync(film, text);
        await client.DiagnosticsAsync(film);

        var comment = await MarkdownAtAsync(client, film, text, "CF0204:");
        Assert.StartsWith("**CF0204** (warning): " + RuleCatalog.Get(RuleIds.CF0204).Title, comment, StringComparison.Ordinal);
        var pragma = await MarkdownAtAsync(client, film, text, "CF0303");
        Assert.Contains(RuleCatalog.Get(RuleIds.CF0303).Why, pragma, StringComparison.Ordinal);

        // The "(7)" of Duration(7) is not a method name: the diagnostic under it answers.
        var (line, character) = Films.Find(text, "Duration(7)");
        var inside = await HoverAsync(client, film, line, character + "Duration(".Length);
        Assert.StartsWith("**CF0201** (error)", inside.GetProperty("contents").GetProperty("value").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hover_on_a_method_that_is_not_the_DSLs_shows_nothing()
    {
        using var folder = new TempFolder();
        var text = Films.Clean(prelude: "static int Duration(int x) => x;\nvar unrelated = Duration(3);\n");
        var film = folder.Write("film.csx", text);
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();
        await client.OpenAsync(film, text);
        await client.DiagnosticsAsync(film);

        var (line, character) = Films.Find(text, "Duration(3)");
        var answer = await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Films.Uri(film) }, ["position"] = Films.Position(line, character + 2) });
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task Completion_after_a_dot_lists_the_DSL_methods_of_the_value_before_it()
    {
        using var folder = new TempFolder();
        var text = Films.Clean();
        var film = folder.Write("film.csx", text);
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();
        await client.OpenAsync(film, text);
        await client.DiagnosticsAsync(film);

        // Type a dot after .Seed(7): the shot's methods are offered.
        var (line, character) = Films.Find(text, ".Seed(7)");
        var at = character + ".Seed(7)".Length;
        await client.EditAsync(film, 2, line, at, line, at, ".");
        await client.DiagnosticsAsync(film, p => p.Version == 2);
        var answer = await client.RequestAsync("textDocument/completion", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Films.Uri(film) }, ["position"] = Films.Position(line, at + 1) });

        var items = answer.GetProperty("result").GetProperty("items").EnumerateArray().ToList();
        var labels = items.Select(i => i.GetProperty("label").GetString()).ToList();
        Assert.Contains("Duration", labels);
        Assert.Contains("Motion", labels);
        Assert.Contains("Variant", labels);
        Assert.DoesNotContain("ToString", labels);
        var duration = items.Single(i => i.GetProperty("label").GetString() == "Duration");
        Assert.Contains(RuleCatalog.Get(RuleIds.CF0201).Title, duration.GetProperty("documentation").GetProperty("value").GetString(), StringComparison.Ordinal);
    }

    private static async Task<string> MarkdownAtAsync(LspClient client, string film, string text, string needle)
    {
        var (line, character) = Films.Find(text, needle);
        return (await HoverAsync(client, film, line, character + 1)).GetProperty("contents").GetProperty("value").GetString()!;
    }

    private static async Task<JsonElement> HoverAsync(LspClient client, string film, int line, int character)
    {
        var answer = await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Films.Uri(film) }, ["position"] = Films.Position(line, character) });
        Assert.Equal(JsonValueKind.Object, answer.GetProperty("result").ValueKind);
        return answer.GetProperty("result");
    }
}
