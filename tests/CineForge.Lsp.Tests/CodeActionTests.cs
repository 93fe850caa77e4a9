using System.Text.Json;
using System.Text.Json.Nodes;
using CineForge.CodeFixes.Keyframe;
using CineForge.Rules;

namespace CineForge.Lsp.Tests;

/// <summary>textDocument/codeAction: the CineForge code fixes as workspace edits.</summary>
public sealed class CodeActionTests
{
    [Fact]
    public async Task CF0101_offers_the_stable_seed_fix_whose_edit_adds_a_Seed_call_and_clears_the_diagnostic()
    {
        using var folder = new TempFolder();
        var text = Films.Clean(seed: string.Empty);
        var film = folder.Write("film.csx", text);
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();
        await client.OpenAsync(film, text);
        var cf0101 = (await client.DiagnosticsAsync(film)).Diagnostics.Single(d => d.Code == RuleIds.CF0101);

        var actions = await CodeActionsAsync(client, film, cf0101);

        var seed = StableSeed.From("mirror");
        var fix = Assert.Single(actions, a => a.GetProperty("title").GetString() == $"Fix the seed: .Seed({seed})");
        Assert.Equal("quickfix", fix.GetProperty("kind").GetString());
        Assert.Equal(RuleIds.CF0101, fix.GetProperty("diagnostics")[0].GetProperty("code").GetString());
        var edits = fix.GetProperty("edit").GetProperty("changes").GetProperty(Films.Uri(film));
        var edit = Assert.Single(edits.EnumerateArray());
        Assert.Equal($".Seed({seed})", edit.GetProperty("newText").GetString());
        var fixedText = Films.Apply(text, edits);
        Assert.Contains($".Motion(0.35).Seed({seed}))", fixedText, StringComparison.Ordinal);

        await client.ChangeAsync(film, fixedText, 2);
        Assert.False((await client.DiagnosticsAsync(film, p => p.Version == 2)).Has(RuleIds.CF0101));
    }

    [Fact]
    public async Task CF0201_offers_clamp_and_split_and_the_clamp_edit_replaces_only_the_number()
    {
        using var folder = new TempFolder();
        var text = Films.Clean(duration: "7");
        var film = folder.Write("film.csx", text);
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();
        await client.OpenAsync(film, text);
        var cf0201 = (await client.DiagnosticsAsync(film)).Diagnostics.Single(d => d.Code == RuleIds.CF0201);

        var actions = await CodeActionsAsync(client, film, cf0201);

        var titles = actions.Select(a => a.GetProperty("title").GetString()!).ToList();
        Assert.Contains(titles, t => t.Contains("Duration(5)", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.StartsWith("Split", StringComparison.Ordinal));
        var clamp = actions.First(a => a.GetProperty("title").GetString()!.Contains("Duration(5)", StringComparison.Ordinal));
        Assert.True(clamp.GetProperty("isPreferred").GetBoolean());
        var edit = Assert.Single(clamp.GetProperty("edit").GetProperty("changes").GetProperty(Films.Uri(film)).EnumerateArray());
        Assert.Equal("5", edit.GetProperty("newText").GetString());
        var split = Films.Apply(text, actions.First(a => a.GetProperty("title").GetString()!.StartsWith("Split", StringComparison.Ordinal)).GetProperty("edit").GetProperty("changes").GetProperty(Films.Uri(film)));
        await client.ChangeAsync(film, split, 2);
        Assert.False((await client.DiagnosticsAsync(film, p => p.Version == 2)).Has(RuleIds.CF0201));
    }

    [Fact]
    public async Task The_grade_order_fix_is_offered_for_CF0602()
    {
        using var folder = new TempFolder();
        var text = Films.Clean().Replace(".Export(", ".Grade(g => g.Grain(0.04).Exposure(0.2))\n    .Export(");
        var film = folder.Write("film.csx", text);
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();
        await client.OpenAsync(film, text);
        var cf0602 = (await client.DiagnosticsAsync(film)).Diagnostics.First(d => d.Code == RuleIds.CF0602);

        var actions = await CodeActionsAsync(client, film, cf0602);

        var reorder = Assert.Single(actions);
        var fixedText = Films.Apply(text, reorder.GetProperty("edit").GetProperty("changes").GetProperty(Films.Uri(film)));
        Assert.Contains("g.Exposure(0.2).Grain(0.04)", fixedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_range_without_a_fixable_diagnostic_and_a_request_for_other_kinds_get_no_actions()
    {
        using var folder = new TempFolder();
        var text = Films.Clean(duration: "7");
        var film = folder.Write("film.csx", text);
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();
        await client.OpenAsync(film, text);
        var cf0201 = (await client.DiagnosticsAsync(film)).Diagnostics.Single(d => d.Code == RuleIds.CF0201);

        Assert.Empty(await CodeActionsAsync(client, film, null, Films.Range(0, 0, 0, 3)));
        var refactor = await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Films.Uri(film) },
            ["range"] = Films.Range(cf0201.Line, cf0201.Character, cf0201.EndLine, cf0201.EndCharacter),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(), ["only"] = new JsonArray("refactor") },
        });
        Assert.Empty(refactor.GetProperty("result").EnumerateArray());
    }

    internal static async Task<List<JsonElement>> CodeActionsAsync(LspClient client, string film, PublishedItem? diagnostic, JsonObject? range = null)
    {
        var answer = await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Films.Uri(film) },
            ["range"] = range ?? Films.Range(diagnostic!.Line, diagnostic.Character, diagnostic.EndLine, diagnostic.EndCharacter),
            ["context"] = new JsonObject { ["diagnostics"] = diagnostic is null ? new JsonArray() : new JsonArray(JsonNode.Parse(diagnostic.Raw.GetRawText())) },
        });
        return answer.GetProperty("result").EnumerateArray().ToList();
    }
}
