using System.Diagnostics;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using CineForge.Hosting;

namespace CineForge.Lsp.Tests;

/// <summary>
/// A minimal LSP client written for the tests, independent of the server's JSON-RPC library:
/// Content-Length framing and JSON by hand, requests matched to answers by id, notifications queued.
/// It talks to the server in-process over pipes, or to a <c>cineforge lsp</c> process over stdio.
/// </summary>
internal sealed class LspClient : IAsyncDisposable
{
    /// <summary>Longest wait for any answer or notification: generous for a cold 2-core machine, never slept through.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly Stream toServer;
    private readonly Stream fromServer;
    private readonly Task reading;
    private readonly Dictionary<int, TaskCompletionSource<JsonElement>> pending = new();
    private readonly Channel<JsonElement> notifications = Channel.CreateUnbounded<JsonElement>();
    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly List<string> logs = new();
    private readonly List<JsonElement> serverRequests = new();
    private int nextId;

    private LspClient(Stream toServer, Stream fromServer, Task server, Process? process)
    {
        this.toServer = toServer;
        this.fromServer = fromServer;
        Server = server;
        ServerProcess = process;
        reading = Task.Run(ReadLoopAsync);
    }

    /// <summary>Completes when the server stops; its result is the exit code.</summary>
    public Task Server { get; }

    /// <summary>The server process, when it is one.</summary>
    public Process? ServerProcess { get; }

    /// <summary>window/logMessage lines received so far.</summary>
    public IReadOnlyList<string> Logs
    {
        get
        {
            lock (logs)
            {
                return logs.ToList();
            }
        }
    }

    /// <summary>Requests the server sent to the client so far (each answered with a null result).</summary>
    public IReadOnlyList<JsonElement> ServerRequests
    {
        get
        {
            lock (serverRequests)
            {
                return serverRequests.ToList();
            }
        }
    }

    /// <summary>A server in this process, over two pipes.</summary>
    public static LspClient InProcess(LanguageServerOptions? options = null)
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        var serverInput = toServer.Reader.AsStream();
        var serverOutput = toClient.Writer.AsStream();
        var server = Task.Run(async () =>
        {
            try
            {
                return await LanguageServer.RunAsync(serverInput, serverOutput, options ?? new LanguageServerOptions { DebounceMs = 0, Log = TextWriter.Null });
            }
            finally
            {
                await toClient.Writer.CompleteAsync();
            }
        });
        return new LspClient(toServer.Writer.AsStream(), toClient.Reader.AsStream(), server, null);
    }

    /// <summary><c>dotnet cineforge.dll lsp</c>, as an editor starts it.</summary>
    public static LspClient Process(params string[] extraArguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Films.CineforgeDll);
        start.ArgumentList.Add("lsp");
        foreach (var argument in extraArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = System.Diagnostics.Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync().ContinueWith(_ => process.ExitCode, TaskScheduler.Default);
        return new LspClient(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, exited, process);
    }

    /// <summary>initialize (with debounceMs) and initialized; returns the initialize result.</summary>
    public async Task<JsonElement> InitializeAsync(int debounceMs = 0, JsonObject? capabilities = null)
    {
        var answer = await RequestAsync("initialize", new JsonObject { ["processId"] = Environment.ProcessId, ["rootUri"] = null, ["capabilities"] = capabilities ?? new JsonObject(), ["initializationOptions"] = new JsonObject { ["debounceMs"] = debounceMs } });
        await NotifyAsync("initialized", new JsonObject());
        return answer.GetProperty("result");
    }

    /// <summary>Sends a request and waits for its answer (the whole response: result or error).</summary>
    public async Task<JsonElement> RequestAsync(string method, JsonNode? parameters)
    {
        var id = Interlocked.Increment(ref nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (pending)
        {
            pending[id] = answer;
        }

        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return await answer.Task.WaitAsync(Timeout);
    }

    /// <summary>Sends a notification.</summary>
    public Task NotifyAsync(string method, JsonNode? parameters) => SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>didOpen.</summary>
    public Task OpenAsync(string path, string text, int version = 1, string languageId = "csharp") =>
        NotifyAsync("textDocument/didOpen", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Films.Uri(path), ["languageId"] = languageId, ["version"] = version, ["text"] = text } });

    /// <summary>didChange with the whole text.</summary>
    public Task ChangeAsync(string path, string text, int version) =>
        NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Films.Uri(path), ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
        });

    /// <summary>didChange with one range edit.</summary>
    public Task EditAsync(string path, int version, int line, int character, int endLine, int endCharacter, string newText) =>
        NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Films.Uri(path), ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["range"] = Films.Range(line, character, endLine, endCharacter), ["text"] = newText }),
        });

    /// <summary>Writes bytes as they are, framing included.</summary>
    public async Task SendRawAsync(byte[] bytes)
    {
        await writing.WaitAsync();
        try
        {
            await toServer.WriteAsync(bytes);
            await toServer.FlushAsync();
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>Waits (bounded) for the next publishDiagnostics of <paramref name="path"/> that satisfies <paramref name="accept"/>; earlier ones are skipped.</summary>
    public async Task<Published> DiagnosticsAsync(string path, Func<Published, bool>? accept = null)
    {
        var uri = Films.Uri(path);
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            var message = await notifications.Reader.ReadAsync(timeout.Token);
            if (message.GetProperty("method").GetString() != "textDocument/publishDiagnostics")
            {
                continue;
            }

            var published = Published.From(message.GetProperty("params"));
            if (published.Uri == uri && (accept is null || accept(published)))
            {
                return published;
            }
        }
    }

    /// <summary>Every notification received and not yet read.</summary>
    public List<JsonElement> Drain()
    {
        var all = new List<JsonElement>();
        while (notifications.Reader.TryRead(out var message))
        {
            all.Add(message);
        }

        return all;
    }

    /// <summary>shutdown then exit; returns the server's exit code.</summary>
    public async Task<int> ShutdownAsync()
    {
        var answer = await RequestAsync("shutdown", null);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("result").ValueKind);
        await NotifyAsync("exit", null);
        return await ((Task<int>)Server).WaitAsync(Timeout);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            toServer.Dispose();
        }
        catch (IOException)
        {
            // Already gone.
        }

        if (ServerProcess is { } process)
        {
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }

        await Task.WhenAny(Server, Task.Delay(10_000));
        await Task.WhenAny(reading, Task.Delay(1_000));
    }

    private async Task SendAsync(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await SendRawAsync(header.Concat(body).ToArray());
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (await ReadMessageAsync() is { } message)
            {
                if (message.TryGetProperty("id", out var id) && !message.TryGetProperty("method", out _))
                {
                    TaskCompletionSource<JsonElement>? answer = null;
                    lock (pending)
                    {
                        if (id.ValueKind == JsonValueKind.Number && pending.Remove(id.GetInt32(), out var found))
                        {
                            answer = found;
                        }
                    }

                    answer?.TrySetResult(message);
                }
                else if (message.TryGetProperty("id", out var requestId) && message.TryGetProperty("method", out _))
                {
                    // A request from the server (client/registerCapability): accepted, and kept for the test to see.
                    lock (serverRequests)
                    {
                        serverRequests.Add(message);
                    }

                    await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(requestId.GetRawText()), ["result"] = null });
                }
                else if (message.TryGetProperty("method", out var method) && method.GetString() == "window/logMessage")
                {
                    lock (logs)
                    {
                        logs.Add(message.GetProperty("params").GetProperty("message").GetString()!);
                    }
                }
                else
                {
                    notifications.Writer.TryWrite(message);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The server went away.
        }
        finally
        {
            notifications.Writer.TryComplete();
        }
    }

    private async Task<JsonElement?> ReadMessageAsync()
    {
        var length = -1;
        while (true)
        {
            var line = await ReadHeaderLineAsync();
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                break;
            }

            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim());
            }
        }

        var body = new byte[length];
        await fromServer.ReadExactlyAsync(body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<string?> ReadHeaderLineAsync()
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await fromServer.ReadAsync(one) == 0)
            {
                return null;
            }

            if (one[0] == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            }

            bytes.Add(one[0]);
        }
    }
}

/// <summary>One publishDiagnostics.</summary>
internal sealed record Published(string Uri, int? Version, IReadOnlyList<PublishedItem> Diagnostics)
{
    public static Published From(JsonElement parameters) => new(
        parameters.GetProperty("uri").GetString()!,
        parameters.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number ? version.GetInt32() : null,
        parameters.GetProperty("diagnostics").EnumerateArray().Select(PublishedItem.From).ToList());

    public IEnumerable<string> Codes => Diagnostics.Select(d => d.Code ?? "(host)");

    public bool Has(string code) => Diagnostics.Any(d => d.Code == code);
}

/// <summary>One published diagnostic.</summary>
internal sealed record PublishedItem(string? Code, int Severity, string Message, int Line, int Character, int EndLine, int EndCharacter, JsonElement Raw)
{
    public static PublishedItem From(JsonElement d)
    {
        var range = d.GetProperty("range");
        return new PublishedItem(
            d.TryGetProperty("code", out var code) ? code.GetString() : null,
            d.GetProperty("severity").GetInt32(),
            d.GetProperty("message").GetString()!,
            range.GetProperty("start").GetProperty("line").GetInt32(),
            range.GetProperty("start").GetProperty("character").GetInt32(),
            range.GetProperty("end").GetProperty("line").GetInt32(),
            range.GetProperty("end").GetProperty("character").GetInt32(),
            d.Clone());
    }

    /// <summary>The text the range covers in <paramref name="text"/>.</summary>
    public string Covered(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (Line != EndLine)
        {
            return lines[Line][Character..] + "\n…";
        }

        return lines[Line][Character..EndCharacter];
    }
}
