// `cineforge lsp` latency: time from didChange to the publishDiagnostics of that version on the
// cosmetic-ad film, warm (after warm-up edits), median and p95 over N edits, next to
// `cineforge check` (static, no cache, and cached) on the same film in the same run, and the
// server's resident memory after the edits. Each edit alternates one shot's Duration between 4
// and 7, so every other edit adds or clears a CF0201: the analyzers really run.
//
//   dotnet run -c Release --project bench/CineForge.Lsp.Bench -- [edits=50] [path/to/cineforge.dll]
//
// By default it drives the command as users run it: artifacts/cli/cineforge.dll, the launcher's
// ReadyToRun build (run ./cineforge --help first). Whole processes, wall clock.
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

var root = FindRoot();
var edits = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 50;
var dll = args.Length > 1 ? Path.GetFullPath(args[1]) : Path.Combine(root, "artifacts", "cli", "cineforge.dll");
var film = Path.Combine(root, "examples", "cosmetic-ad", "film.csx");
var text = File.ReadAllText(film).Replace("\r\n", "\n");
const string Needle = ".Named(\"applies-serum\")";
var target = text.Split('\n').Select((l, i) => (l, i)).SkipWhile(x => !x.l.Contains(Needle, StringComparison.Ordinal)).First(x => x.l.Contains(".Duration(", StringComparison.Ordinal));
var column = target.l.IndexOf(".Duration(", StringComparison.Ordinal) + ".Duration(".Length;
var original = target.l[column..target.l.IndexOf(')', column)];
if (!File.Exists(dll))
{
    Console.Error.WriteLine($"{dll} not found: run ./cineforge --help to build the command.");
    return 2;
}

var cache = Directory.CreateTempSubdirectory("cineforge-lsp-bench").FullName;
var checkStatic = Enumerable.Range(0, 5).Select(_ => TimeCheck(dll, film, cache, "--static", "--no-cache")).ToList();
var checkCached = Enumerable.Range(0, 5).Select(_ => TimeCheck(dll, film, cache, "--static")).ToList();

await using var server = LspProcess.Start(dll);
var init = Stopwatch.StartNew();
await server.RequestAsync("initialize", new JsonObject { ["processId"] = Environment.ProcessId, ["rootUri"] = null, ["capabilities"] = new JsonObject() });
await server.NotifyAsync("initialized", new JsonObject());
var uri = new Uri(film).AbsoluteUri;
await server.NotifyAsync("textDocument/didOpen", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = text } });
var first = await server.PublishedAsync(uri, 1);
var opened = init.Elapsed;
var version = 1;
var times = new List<double>();
var cf0201 = 0;
for (var i = 0; i < 10 + edits; i++)
{
    version++;
    var value = version % 2 == 0 ? "7" : original;
    var change = new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
        ["contentChanges"] = new JsonArray(new JsonObject
        {
            ["range"] = new JsonObject
            {
                ["start"] = new JsonObject { ["line"] = target.i, ["character"] = column },
                ["end"] = new JsonObject { ["line"] = target.i, ["character"] = column + (version % 2 == 0 ? original.Length : 1) },
            },
            ["text"] = value,
        }),
    };
    var clock = Stopwatch.StartNew();
    await server.NotifyAsync("textDocument/didChange", change);
    var published = await server.PublishedAsync(uri, version);
    clock.Stop();
    if (i >= 10)
    {
        times.Add(clock.Elapsed.TotalMilliseconds);
        cf0201 += published.GetProperty("diagnostics").EnumerateArray().Count(d => d.TryGetProperty("code", out var c) && c.GetString() == "CF0201");
    }
}

var rss = server.ResidentMiB();
await server.RequestAsync("shutdown", null);
await server.NotifyAsync("exit", null);
Directory.Delete(cache, recursive: true);

times.Sort();
checkStatic.Sort();
checkCached.Sort();
Console.WriteLine($"cineforge lsp on examples/cosmetic-ad/film.csx, {edits} edits (after 10 warm-up edits), {Environment.ProcessorCount} cores, {dll}");
Console.WriteLine($"open to first publishDiagnostics (cold, server start included): {opened.TotalMilliseconds:0} ms, {first.GetProperty("diagnostics").GetArrayLength()} diagnostics");
Console.WriteLine($"edits that published CF0201: {cf0201} of {edits}");
Console.WriteLine();
Console.WriteLine("| Measure | Median (ms) | p95 (ms) | Min | Max |");
Console.WriteLine("|---|---|---|---|---|");
Console.WriteLine($"| `cineforge lsp`: didChange to publishDiagnostics, warm (debounce included) | {Percentile(times, 50):0} | {Percentile(times, 95):0} | {times[0]:0} | {times[^1]:0} |");
Console.WriteLine($"| `cineforge check --static --no-cache` (whole process) | {Percentile(checkStatic, 50):0} | {Percentile(checkStatic, 95):0} | {checkStatic[0]:0} | {checkStatic[^1]:0} |");
Console.WriteLine($"| `cineforge check --static`, compile cache hit (whole process) | {Percentile(checkCached, 50):0} | {Percentile(checkCached, 95):0} | {checkCached[0]:0} | {checkCached[^1]:0} |");
Console.WriteLine();
Console.WriteLine($"server resident memory after the edits: {rss:0} MiB");
return 0;

static double Percentile(List<double> sorted, int p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

static double TimeCheck(string dll, string film, string cache, params string[] options)
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(film)! };
    start.ArgumentList.Add(dll);
    start.ArgumentList.Add("check");
    foreach (var option in options)
    {
        start.ArgumentList.Add(option);
    }

    start.ArgumentList.Add("--no-progress");
    start.ArgumentList.Add(film);
    start.Environment["CINEFORGE_CACHE"] = cache;
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    _ = process.StandardOutput.ReadToEndAsync();
    _ = process.StandardError.ReadToEndAsync();
    process.WaitForExit();
    return clock.Elapsed.TotalMilliseconds;
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CineForge.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
}

/// <summary>The server as a process, with LSP framing by hand.</summary>
internal sealed class LspProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Stream output;
    private int nextId;

    private LspProcess(Process process)
    {
        this.process = process;
        output = process.StandardOutput.BaseStream;
    }

    public static LspProcess Start(string dll)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("lsp");
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return new LspProcess(process);
    }

    public async Task<JsonElement> RequestAsync(string method, JsonNode? parameters)
    {
        var id = ++nextId;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        while (true)
        {
            var message = await ReadAsync();
            if (message.TryGetProperty("id", out var got) && got.ValueKind == JsonValueKind.Number && got.GetInt32() == id && !message.TryGetProperty("method", out _))
            {
                return message;
            }
        }
    }

    public Task NotifyAsync(string method, JsonNode? parameters) => SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public async Task<JsonElement> PublishedAsync(string uri, int version)
    {
        while (true)
        {
            var message = await ReadAsync();
            if (message.TryGetProperty("method", out var method) && method.GetString() == "textDocument/publishDiagnostics")
            {
                var parameters = message.GetProperty("params");
                if (parameters.GetProperty("uri").GetString() == uri && parameters.TryGetProperty("version", out var v) && v.GetInt32() == version)
                {
                    return parameters;
                }
            }
        }
    }

    public double ResidentMiB()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(10_000))
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
        await Task.CompletedTask;
    }

    private async Task SendAsync(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var stream = process.StandardInput.BaseStream;
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
    }

    private async Task<JsonElement> ReadAsync()
    {
        var length = 0;
        while (true)
        {
            var line = new StringBuilder();
            int b;
            while ((b = output.ReadByte()) != '\n')
            {
                if (b < 0)
                {
                    throw new EndOfStreamException("the server closed its output");
                }

                line.Append((char)b);
            }

            var header = line.ToString().TrimEnd('\r');
            if (header.Length == 0)
            {
                break;
            }

            if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(header["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var body = new byte[length];
        await output.ReadExactlyAsync(body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
