using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CineForge.Lsp.Tests;

/// <summary>The protocol itself: lifecycle, and everything a server must survive without dying.</summary>
public sealed class ProtocolTests
{
    [Fact]
    public async Task Initialize_announces_sync_hover_code_actions_and_completion_and_shutdown_then_exit_ends_with_0()
    {
        await using var client = LspClient.InProcess();
        var result = await client.InitializeAsync();

        var capabilities = result.GetProperty("capabilities");
        Assert.Equal(2, capabilities.GetProperty("textDocumentSync").GetProperty("change").GetInt32());
        Assert.True(capabilities.GetProperty("textDocumentSync").GetProperty("openClose").GetBoolean());
        Assert.True(capabilities.GetProperty("hoverProvider").GetBoolean());
        Assert.Equal("quickfix", capabilities.GetProperty("codeActionProvider").GetProperty("codeActionKinds")[0].GetString());
        Assert.Equal(".", capabilities.GetProperty("completionProvider").GetProperty("triggerCharacters")[0].GetString());
        Assert.Equal("cineforge", result.GetProperty("serverInfo").GetProperty("name").GetString());

        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task Exit_without_shutdown_ends_with_1()
    {
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();
        await client.NotifyAsync("exit", null);
        Assert.Equal(1, await ((Task<int>)client.Server).WaitAsync(LspClient.Timeout));
    }

    [Fact]
    public async Task A_method_the_server_does_not_implement_is_answered_MethodNotFound_and_the_server_keeps_serving()
    {
        using var folder = new TempFolder();
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();

        var answer = await client.RequestAsync("textDocument/semanticTokens/full", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = "file:///nowhere.csx" } });
        Assert.Equal(-32601, answer.GetProperty("error").GetProperty("code").GetInt32());
        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject() });
        await client.NotifyAsync("$/unknownNotification", null);

        var film = folder.Write("film.csx", Films.Clean(duration: "7"));
        await client.OpenAsync(film, File.ReadAllText(film));
        Assert.True((await client.DiagnosticsAsync(film)).Has("CF0201"));
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task A_malformed_message_is_skipped_and_logged_and_the_next_one_is_served()
    {
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();

        foreach (var body in new[] { "{not json", "[1, 2, 3]", "{\"jsonrpc\":\"2.0\",\"id\":", "\"just a string\"" })
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            await client.SendRawAsync(Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n").Concat(bytes).ToArray());
        }

        var answer = await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = "file:///nowhere.csx" }, ["position"] = Films.Position(0, 0) });
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("result").ValueKind);
        Assert.Contains(client.Logs, l => l.Contains("could not be read", StringComparison.Ordinal));
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task Requests_with_missing_or_wrong_parameters_are_answered_with_an_error_or_nothing_and_do_not_stop_the_server()
    {
        using var folder = new TempFolder();
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();

        var hover = await client.RequestAsync("textDocument/hover", new JsonObject());
        Assert.True(hover.TryGetProperty("error", out _) || hover.GetProperty("result").ValueKind == JsonValueKind.Null);
        var actions = await client.RequestAsync("textDocument/codeAction", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = "not a uri" } });
        Assert.True(actions.TryGetProperty("error", out _) || actions.GetProperty("result").ValueKind is JsonValueKind.Null or JsonValueKind.Array);
        await client.NotifyAsync("textDocument/didChange", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Films.Uri(Path.Combine(folder.Path, "never-opened.csx")), ["version"] = 3 } });
        await client.NotifyAsync("textDocument/didOpen", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = "untitled:Untitled-1", ["languageId"] = "csharp", ["version"] = 1, ["text"] = "x" } });

        var film = folder.Write("film.csx", Films.Clean());
        await client.OpenAsync(film, File.ReadAllText(film));
        var published = await client.DiagnosticsAsync(film);
        Assert.DoesNotContain(published.Diagnostics, d => d.Severity == 1);
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_CSharp_gets_no_diagnostics_and_no_hover()
    {
        using var folder = new TempFolder();
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();

        var notes = folder.Write("notes.md", "# Notes\n\nCF0201 is about long clips.\n");
        await client.OpenAsync(notes, File.ReadAllText(notes), languageId: "markdown");
        var plain = folder.Write("helper.cs", "class Helper { void M() { } }\n");
        await client.OpenAsync(plain, File.ReadAllText(plain));
        var film = folder.Write("film.csx", Films.Clean());
        await client.OpenAsync(film, File.ReadAllText(film));

        // Messages are handled in order: anything published for the first two would come before the film's.
        var first = await client.DiagnosticsAsync(film);
        Assert.DoesNotContain(client.Drain(), m => m.GetProperty("params").GetProperty("uri").GetString() is { } uri && (uri == Films.Uri(notes) || uri == Films.Uri(plain)));
        Assert.Equal(Films.Uri(film), first.Uri);
        var hover = await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Films.Uri(notes) }, ["position"] = Films.Position(2, 2) });
        Assert.Equal(JsonValueKind.Null, hover.GetProperty("result").ValueKind);
        Assert.Contains(client.Logs, l => l.Contains("notes.md", StringComparison.Ordinal) && l.Contains("not a film", StringComparison.Ordinal));
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task A_malformed_film_is_answered_with_compiler_errors_and_the_server_stays_up()
    {
        using var folder = new TempFolder();
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();

        var film = folder.Write("film.csx", "#r \"nuget: CineForge.Sdk, 0.1.0\"\nusing CineForge;\nreturn Film.Titled(\"x\").Shot(Shot.TightPortrait(\n}}}} \"unterminated\n#load\n#r\n\u0000\uFFFF");
        await client.OpenAsync(film, File.ReadAllText(film));
        var broken = await client.DiagnosticsAsync(film);
        Assert.Contains(broken.Diagnostics, d => d.Code?.StartsWith("CS", StringComparison.Ordinal) == true && d.Severity == 1);
        Assert.DoesNotContain(broken.Diagnostics, d => d.Code?.StartsWith("CF", StringComparison.Ordinal) == true);

        // Edits that leave the file shorter than the old ranges, and an empty file.
        await client.EditAsync(film, 2, 0, 0, 500, 0, string.Empty);
        await client.DiagnosticsAsync(film, p => p.Version == 2);
        await client.ChangeAsync(film, Films.Clean(), 3);
        var fixedUp = await client.DiagnosticsAsync(film, p => p.Version == 3);
        Assert.DoesNotContain(fixedUp.Diagnostics, d => d.Severity == 1);
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task A_script_that_loops_forever_is_analysed_without_running_and_the_server_stays_responsive()
    {
        using var folder = new TempFolder();
        await using var client = LspClient.InProcess();
        await client.InitializeAsync();

        var film = folder.Write("film.csx", Films.Clean(duration: "7", prelude: "while (true) { }"));
        await client.OpenAsync(film, File.ReadAllText(film));
        var published = await client.DiagnosticsAsync(film);
        Assert.True(published.Has("CF0201"));
        var hover = await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Films.Uri(film) }, ["position"] = Films.Position(0, 2) });
        Assert.True(hover.TryGetProperty("result", out _));
        Assert.Equal(0, await client.ShutdownAsync());
    }
}
