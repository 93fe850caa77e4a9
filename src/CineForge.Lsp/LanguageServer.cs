using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using CineForge.Hosting;
using CineForge.Lsp.Protocol;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace CineForge.Lsp;

/// <summary>How the language server runs.</summary>
public sealed record LanguageServerOptions
{
    /// <summary>Milliseconds a film waits after an edit before it is analysed again (a later edit restarts the wait); initializationOptions.debounceMs overrides it.</summary>
    public int DebounceMs { get; init; } = 50;

    /// <summary>The analyzers run on every film (default: the CineForge analyzers the host ships).</summary>
    public AnalyzerSet? Analyzers { get; init; }

    /// <summary>Where the server logs (default: standard error); each line is also sent as window/logMessage.</summary>
    public TextWriter? Log { get; init; }
}

/// <summary>
/// <c>cineforge lsp</c>: a Language Server Protocol server for films (<c>.csx</c> scripts and
/// <c>film.cs</c> file-based apps). It publishes the diagnostics <c>cineforge check --static</c>
/// finds (compiler and CF analyzers, .editorconfig severities, <c>#load</c>ed files followed) on
/// open and after every edit, offers the CineForge code fixes as quick fixes, and shows the
/// catalog's text on hover. It runs no script code.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "An analysis still in flight when the session ends releases the gate after it; a SemaphoreSlim holds no kernel handle unless one is asked for.")]
public sealed class LanguageServer
{
    private readonly object gate = new();
    private readonly Dictionary<string, OpenDocument> documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FilmEntry> films = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim analysisGate = new(1, 1);
    private readonly CodeFixRunner fixes = new();
    private readonly AnalyzerSet analyzers;
    private readonly TextWriter log;
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private JsonRpc? rpc;
    private int debounceMs;
    private bool shutdownRequested;
    private bool watchFiles;

    private LanguageServer(LanguageServerOptions options)
    {
        analyzers = options.Analyzers ?? AnalyzerSet.CineForge;
        log = options.Log ?? Console.Error;
        debounceMs = Math.Max(0, options.DebounceMs);
    }

    /// <summary>Serves one client on <paramref name="input"/> and <paramref name="output"/> until exit, the end of the input, or <paramref name="cancellationToken"/>.</summary>
    /// <returns>0 after shutdown and exit, or when the client went away; 1 for an exit without shutdown (as LSP asks).</returns>
    public static async Task<int> RunAsync(Stream input, Stream output, LanguageServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = new LanguageServer(options ?? new LanguageServerOptions());
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = new System.Text.Json.JsonSerializerOptions(Wire.Options) };
        using var rpc = new JsonRpc(new LspMessageHandler(output, input, formatter, message => server.Log(message, MessageType.Warning)))
        {
            // Messages are handled in the order they come: a change is applied before the next request reads it.
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = true,
        };
        rpc.AddLocalRpcTarget(new LspTarget(server), new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        rpc.Disconnected += (_, e) =>
        {
            if (e.Reason != DisconnectedReason.LocallyDisposed && e.Reason != DisconnectedReason.RemotePartyTerminated)
            {
                server.Log($"connection closed: {e.Reason}: {e.Description}", MessageType.Error);
            }
        };
        server.rpc = rpc;
        rpc.StartListening();
        using (cancellationToken.Register(() => server.exited.TrySetResult()))
        {
            await Task.WhenAny(rpc.Completion, server.exited.Task).ConfigureAwait(false);
        }

        server.CancelAll();
        return server.exited.Task.IsCompleted && !server.shutdownRequested && !cancellationToken.IsCancellationRequested ? 1 : 0;
    }

    // ---- lifecycle ----

    private InitializeResult Initialize(InitializeParams parameters)
    {
        if (parameters.InitializationOptions is { ValueKind: System.Text.Json.JsonValueKind.Object } settings
            && settings.TryGetProperty("debounceMs", out var debounce) && debounce.TryGetInt32(out var ms))
        {
            debounceMs = Math.Max(0, ms);
        }

        // Files that are not open change on disk too (a loaded .csx, an .editorconfig): ask the client
        // to report them, when it takes file watchers at run time.
        watchFiles = parameters.Capabilities is { ValueKind: System.Text.Json.JsonValueKind.Object } capabilities
            && capabilities.TryGetProperty("workspace", out var workspace) && workspace.ValueKind == System.Text.Json.JsonValueKind.Object
            && workspace.TryGetProperty("didChangeWatchedFiles", out var watched) && watched.ValueKind == System.Text.Json.JsonValueKind.Object
            && watched.TryGetProperty("dynamicRegistration", out var dynamic) && dynamic.ValueKind == System.Text.Json.JsonValueKind.True;
        Log($"cineforge language server {typeof(LanguageServer).Assembly.GetName().Version?.ToString(3)}, analyzers: {analyzers.Analyzers.Length}, debounce {debounceMs} ms");
        return new InitializeResult(new ServerCapabilities(), new ServerInfo("cineforge", typeof(LanguageServer).Assembly.GetName().Version?.ToString(3) ?? "0"));
    }

    private void Initialized()
    {
        if (!watchFiles || rpc is not { } connection)
        {
            return;
        }

        var watchers = new DidChangeWatchedFilesRegistrationOptions(new[] { new Protocol.FileSystemWatcher("**/*.csx"), new Protocol.FileSystemWatcher("**/*.cs"), new Protocol.FileSystemWatcher("**/.editorconfig") });
        var registration = new RegistrationParams(new[] { new Registration("cineforge-watched-files", "workspace/didChangeWatchedFiles", watchers) });
        _ = connection.InvokeWithParameterObjectAsync("client/registerCapability", registration).ContinueWith(
            t => Log($"file watchers not registered: {t.Exception?.InnerException?.Message}", MessageType.Warning),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);
    }

    private void Shutdown()
    {
        shutdownRequested = true;
        CancelAll();
    }

    private void Exit() => exited.TrySetResult();

    // ---- documents ----

    private void DidOpen(DidOpenTextDocumentParams parameters)
    {
        var item = parameters.TextDocument;
        if (DocumentPaths.PathOf(item.Uri) is not { } path)
        {
            Log($"not a file: {item.Uri}; nothing to analyse");
            return;
        }

        lock (gate)
        {
            documents[path] = new OpenDocument(item.Uri, item.Version, SourceText.From(item.Text ?? string.Empty, Encoding.UTF8));
            var affected = FilmsOf(path);
            if (affected.Count == 0)
            {
                if (!IsFilm(path, item.Text ?? string.Empty))
                {
                    Log($"{Path.GetFileName(path)} ({item.LanguageId}) is not a film (.csx, or a film.cs that uses CineForge): no diagnostics");
                    return;
                }

                var root = FindLoader(path) ?? path;
                if (!films.TryGetValue(root, out var film))
                {
                    films[root] = film = new FilmEntry(root);
                }

                affected = new List<FilmEntry> { film };
            }

            foreach (var film in affected)
            {
                Schedule(film, 0);
            }
        }
    }

    private void DidChange(DidChangeTextDocumentParams parameters)
    {
        if (DocumentPaths.PathOf(parameters.TextDocument.Uri) is not { } path)
        {
            return;
        }

        lock (gate)
        {
            if (!documents.TryGetValue(path, out var document))
            {
                Log($"didChange for a document that is not open: {parameters.TextDocument.Uri}", MessageType.Warning);
                return;
            }

            var text = document.Text;
            foreach (var change in parameters.ContentChanges ?? Array.Empty<TextDocumentContentChangeEvent>())
            {
                text = change.Range is null
                    ? SourceText.From(change.Text ?? string.Empty, Encoding.UTF8)
                    : text.WithChanges(new TextChange(DocumentPaths.SpanOf(text, change.Range), change.Text ?? string.Empty));
            }

            documents[path] = document with { Version = parameters.TextDocument.Version, Text = text };
            foreach (var film in FilmsOf(path))
            {
                Schedule(film, debounceMs);
            }
        }
    }

    private void DidClose(DidCloseTextDocumentParams parameters)
    {
        if (DocumentPaths.PathOf(parameters.TextDocument.Uri) is not { } path)
        {
            return;
        }

        lock (gate)
        {
            documents.Remove(path);
            if (films.Remove(path, out var closed))
            {
                closed.Cancel();
                var cleared = closed.Published.Where(p => !films.Values.Any(f => f.Last?.Contains(p) ?? false)).ToList();
                _ = Task.Run(() => PublishEmptyAsync(cleared));
            }

            // A loaded file that closes is read from disk again.
            foreach (var film in FilmsOf(path))
            {
                Schedule(film, 0);
            }
        }
    }

    private void DidSave(DidSaveTextDocumentParams parameters)
    {
        if (DocumentPaths.PathOf(parameters.TextDocument.Uri) is { } path && string.Equals(Path.GetFileName(path), ".editorconfig", StringComparison.Ordinal))
        {
            RecheckAll();
        }
    }

    private void DidChangeWatchedFiles(DidChangeWatchedFilesParams parameters) => RecheckAll();

    private void RecheckAll()
    {
        lock (gate)
        {
            foreach (var film in films.Values)
            {
                Schedule(film, 0);
            }
        }
    }

    // ---- requests ----

    private async Task<Hover?> HoverAsync(TextDocumentPositionParams parameters, CancellationToken cancellationToken)
    {
        if (DocumentPaths.PathOf(parameters.TextDocument.Uri) is not { } path || TextOf(path) is not { } text || FilmScriptKinds.Of(path) is not { } kind)
        {
            return null;
        }

        var position = parameters.Position;
        if (position.Line < 0 || position.Line >= text.Lines.Count)
        {
            return null;
        }

        var line = text.Lines[position.Line];
        if (RuleHelp.RuleIdAt(line.ToString(), position.Character) is { } id)
        {
            var at = line.ToString().IndexOf(id, Math.Max(0, Math.Min(position.Character, line.Span.Length) - id.Length), StringComparison.Ordinal);
            var range = at < 0 ? null : new Protocol.Range(new(position.Line, at), new(position.Line, at + id.Length));
            return new Hover(MarkupContent.Markdown(RuleHelp.ForRule(id)!), range);
        }

        var offset = DocumentPaths.OffsetOf(text, position);
        var tree = CSharpSyntaxTree.ParseText(text, ScriptSources.ParseOptionsFor(kind), path, cancellationToken);
        var token = (await tree.GetRootAsync(cancellationToken).ConfigureAwait(false)).FindToken(offset);
        if (token.RawKind == (int)SyntaxKind.IdentifierToken && token.Span.Contains(offset) && token.Parent is SimpleNameSyntax name && IsCalledMember(name) && RuleHelp.ForMethod(token.ValueText) is { } help
            && await IsSdkMemberAsync(path, text, name, cancellationToken).ConfigureAwait(false))
        {
            return new Hover(MarkupContent.Markdown(help), DocumentPaths.RangeOf(text, token.Span));
        }

        // Anywhere in a CF diagnostic's range: that rule (the narrowest range when several cover the position).
        var analysis = await AnalysisOfAsync(path, cancellationToken).ConfigureAwait(false);
        var under = analysis?.ByPath.GetValueOrDefault(path)?
            .Where(d => d.Diagnostic.Code?.StartsWith("CF", StringComparison.Ordinal) == true && DocumentPaths.Intersects(d.Diagnostic.Range, new Protocol.Range(position, position)))
            .OrderBy(d => d.Diagnostic.Range.End.Line - d.Diagnostic.Range.Start.Line)
            .ThenBy(d => d.Diagnostic.Range.End.Character - d.Diagnostic.Range.Start.Character);
        if (under?.FirstOrDefault() is { } diagnostic)
        {
            return new Hover(MarkupContent.Markdown(RuleHelp.ForRule(diagnostic.Diagnostic.Code!)!), diagnostic.Diagnostic.Range);
        }

        return null;
    }

    private async Task<Protocol.CodeAction[]> CodeActionAsync(CodeActionParams parameters, CancellationToken cancellationToken)
    {
        if (DocumentPaths.PathOf(parameters.TextDocument.Uri) is not { } path
            || parameters.Context?.Only is { Length: > 0 } only && !only.Any(k => k == CodeActionKind.QuickFix || k.StartsWith(CodeActionKind.QuickFix + ".", StringComparison.Ordinal) || CodeActionKind.QuickFix.StartsWith(k + ".", StringComparison.Ordinal)))
        {
            return Array.Empty<Protocol.CodeAction>();
        }

        var analysis = await AnalysisOfAsync(path, cancellationToken).ConfigureAwait(false);
        if (analysis?.ByPath.GetValueOrDefault(path) is not { } diagnostics)
        {
            return Array.Empty<Protocol.CodeAction>();
        }

        var wanted = diagnostics.Where(d => d.Source is not null && d.Diagnostic.Code is { } code && fixes.CanFix(code) && DocumentPaths.Intersects(d.Diagnostic.Range, parameters.Range)).ToList();
        var actions = await fixes.FixAsync(analysis, wanted, UriFor, cancellationToken).ConfigureAwait(false);
        return actions.ToArray();
    }

    private async Task<CompletionList?> CompletionAsync(TextDocumentPositionParams parameters, CancellationToken cancellationToken)
    {
        if (DocumentPaths.PathOf(parameters.TextDocument.Uri) is not { } path || TextOf(path) is not { } text || FilmScriptKinds.Of(path) is null)
        {
            return null;
        }

        var offset = DocumentPaths.OffsetOf(text, parameters.Position);
        var analysis = await AnalysisOfAsync(path, cancellationToken).ConfigureAwait(false);
        var items = analysis is null ? null : DslCompletion.After(analysis, path, text, offset, cancellationToken);
        return items is null ? null : new CompletionList(false, items.ToArray());
    }

    // ---- analysis ----

    private void Schedule(FilmEntry film, int delayMs)
    {
        film.Cancel();
        var cancellation = film.Cancellation = new CancellationTokenSource();
        film.Pending = Task.Run(() => AnalyzeAsync(film, delayMs, cancellation.Token));
    }

    private async Task AnalyzeAsync(FilmEntry film, int delayMs, CancellationToken cancellationToken)
    {
        try
        {
            if (delayMs > 0)
            {
                await Task.Delay(delayMs, cancellationToken).ConfigureAwait(false);
            }

            await analysisGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                Dictionary<string, string> texts;
                Dictionary<string, int> versions;
                FilmAnalysis? previous;
                lock (gate)
                {
                    texts = documents.ToDictionary(d => d.Key, d => d.Value.Text.ToString(), StringComparer.Ordinal);
                    versions = documents.ToDictionary(d => d.Key, d => d.Value.Version, StringComparer.Ordinal);
                    previous = film.Last;
                }

                var clock = Stopwatch.StartNew();
                var analysis = await FilmAnalysis.AnalyzeAsync(film.MainPath, texts, previous, analyzers, cancellationToken).ConfigureAwait(false);
                List<string> gone;
                lock (gate)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        return;
                    }

                    film.Last = analysis;
                    gone = film.Published.Where(p => !analysis.ByPath.ContainsKey(p)).ToList();
                    film.Published = analysis.ByPath.Keys.ToHashSet(StringComparer.Ordinal);
                }

                foreach (var (path, diagnostics) in analysis.ByPath)
                {
                    await PublishAsync(path, versions.TryGetValue(path, out var version) ? version : null, diagnostics.Select(d => d.Diagnostic).ToArray()).ConfigureAwait(false);
                }

                await PublishEmptyAsync(gone).ConfigureAwait(false);
                Log($"{Path.GetFileName(film.MainPath)}: {analysis.ByPath.Values.Sum(d => d.Count)} diagnostics in {clock.ElapsedMilliseconds} ms ({analysis.Build}; heap {GC.GetGCMemoryInfo().HeapSizeBytes / (1024 * 1024)} MiB, committed {GC.GetGCMemoryInfo().TotalCommittedBytes / (1024 * 1024)} MiB)", MessageType.Log);
            }
            finally
            {
                analysisGate.Release();
            }
        }
        catch (OperationCanceledException)
        {
            // A newer edit restarted the analysis.
        }
        catch (Exception ex)
        {
            Log($"{Path.GetFileName(film.MainPath)}: analysis failed: {ex.GetType().Name}: {ex.Message}", MessageType.Error);
        }
    }

    /// <summary>The up-to-date analysis of a film that holds <paramref name="path"/>, waiting (bounded) for one in progress.</summary>
    private async Task<FilmAnalysis?> AnalysisOfAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            FilmEntry? film;
            Task pending;
            lock (gate)
            {
                film = FilmsOf(path).FirstOrDefault();
                if (film is null)
                {
                    return null;
                }

                pending = film.Pending;
            }

            if (pending.IsCompleted)
            {
                lock (gate)
                {
                    if (ReferenceEquals(pending, film.Pending))
                    {
                        return film.Last;
                    }
                }

                continue;
            }

            await pending.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private List<FilmEntry> FilmsOf(string path) =>
        films.Values.Where(f => string.Equals(f.MainPath, path, StringComparison.Ordinal) || (f.Last?.Contains(path) ?? false)).ToList();

    // A .csx opened on its own may be loaded by a film next to it: analyse that film, as check would.
    private string? FindLoader(string path)
    {
        if (FilmScriptKinds.Of(path) != FilmScriptKind.Script || Path.GetDirectoryName(path) is not { } directory || !Directory.Exists(directory))
        {
            return null;
        }

        var texts = documents.ToDictionary(d => d.Key, d => d.Value.Text.ToString(), StringComparer.Ordinal);
        foreach (var candidate in Directory.EnumerateFiles(directory, "*.csx").Order(StringComparer.Ordinal).Take(50))
        {
            var full = Path.GetFullPath(candidate);
            if (full == path)
            {
                continue;
            }

            try
            {
                var text = texts.TryGetValue(full, out var open) ? open : File.ReadAllText(full);
                if (text.Contains("#load", StringComparison.Ordinal) && ScriptSources.FromTexts(full, texts).Files.Skip(1).Any(f => f.Path == path))
                {
                    return full;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Unreadable neighbour: not the loader.
            }
        }

        return null;
    }

    private static bool IsFilm(string path, string text) => FilmScriptKinds.Of(path) switch
    {
        FilmScriptKind.Script => true,
        FilmScriptKind.FileBasedApp => text.Contains("CineForge", StringComparison.Ordinal),
        _ => false,
    };

    private static bool IsCalledMember(SimpleNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Name == name,
        InvocationExpressionSyntax => true,
        _ => false,
    };

    // A DSL method, not a method of the same name elsewhere: asks the film's compilation when it has one.
    private async Task<bool> IsSdkMemberAsync(string path, SourceText text, SimpleNameSyntax name, CancellationToken cancellationToken)
    {
        var analysis = await AnalysisOfAsync(path, cancellationToken).ConfigureAwait(false);
        if (analysis?.TreeOf(path) is not { } tree || analysis.Compilation is not { } compilation || !tree.GetText(cancellationToken).ContentEquals(text))
        {
            return true;
        }

        var node = (await tree.GetRootAsync(cancellationToken).ConfigureAwait(false)).FindNode(name.Span, getInnermostNodeForTie: true);
        var info = Microsoft.CodeAnalysis.ModelExtensions.GetSymbolInfo(compilation.GetSemanticModel(tree), node, cancellationToken);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        return symbol is null || symbol.ContainingAssembly?.Name is "CineForge.Sdk" or "CineForge.Rules";
    }

    private SourceText? TextOf(string path)
    {
        lock (gate)
        {
            if (documents.TryGetValue(path, out var document))
            {
                return document.Text;
            }
        }

        return File.Exists(path) ? SourceText.From(File.ReadAllText(path), Encoding.UTF8) : null;
    }

    private string UriFor(string path)
    {
        lock (gate)
        {
            return documents.TryGetValue(path, out var document) ? document.Uri : DocumentPaths.UriOf(path);
        }
    }

    private async Task PublishAsync(string path, int? version, Protocol.Diagnostic[] diagnostics)
    {
        if (rpc is { IsDisposed: false } connection)
        {
            try
            {
                await connection.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(UriFor(path), version, diagnostics)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or ConnectionLostException or IOException)
            {
                // The client went away.
            }
        }
    }

    private async Task PublishEmptyAsync(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            await PublishAsync(path, null, Array.Empty<Protocol.Diagnostic>()).ConfigureAwait(false);
        }
    }

    private void CancelAll()
    {
        lock (gate)
        {
            foreach (var film in films.Values)
            {
                film.Cancel();
            }
        }
    }

    internal void Log(string message, int type = MessageType.Info)
    {
        lock (log)
        {
            log.WriteLine("cineforge lsp: " + message);
            log.Flush();
        }

        if (rpc is { IsDisposed: false } connection)
        {
            _ = connection.NotifyWithParameterObjectAsync("window/logMessage", new LogMessageParams(type, message)).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private sealed record OpenDocument(string Uri, int Version, SourceText Text);

    private sealed class FilmEntry(string mainPath)
    {
        public string MainPath { get; } = mainPath;

        public FilmAnalysis? Last { get; set; }

        public CancellationTokenSource? Cancellation { get; set; }

        public Task Pending { get; set; } = Task.CompletedTask;

        public HashSet<string> Published { get; set; } = new(StringComparer.Ordinal);

        public void Cancel() => Cancellation?.Cancel();
    }

    /// <summary>The methods the client may call, and nothing else: any other method is answered MethodNotFound.</summary>
    private sealed class LspTarget(LanguageServer server)
    {
        [JsonRpcMethod("initialize")]
        public InitializeResult Initialize(InitializeParams parameters) => server.Initialize(parameters);

        [JsonRpcMethod("initialized")]
        public void Initialized() => Guard(server.Initialized);

        [JsonRpcMethod("shutdown")]
        public object? Shutdown()
        {
            server.Shutdown();
            return null;
        }

        [JsonRpcMethod("exit")]
        public void Exit() => server.Exit();

        [JsonRpcMethod("textDocument/didOpen")]
        public void DidOpen(DidOpenTextDocumentParams parameters) => Guard(() => server.DidOpen(parameters));

        [JsonRpcMethod("textDocument/didChange")]
        public void DidChange(DidChangeTextDocumentParams parameters) => Guard(() => server.DidChange(parameters));

        [JsonRpcMethod("textDocument/didClose")]
        public void DidClose(DidCloseTextDocumentParams parameters) => Guard(() => server.DidClose(parameters));

        [JsonRpcMethod("textDocument/didSave")]
        public void DidSave(DidSaveTextDocumentParams parameters) => Guard(() => server.DidSave(parameters));

        [JsonRpcMethod("workspace/didChangeWatchedFiles")]
        public void DidChangeWatchedFiles(DidChangeWatchedFilesParams parameters) => Guard(() => server.DidChangeWatchedFiles(parameters));

        [JsonRpcMethod("textDocument/hover")]
        public Task<Hover?> Hover(TextDocumentPositionParams parameters, CancellationToken cancellationToken) => GuardAsync(() => server.HoverAsync(parameters, cancellationToken), "hover");

        [JsonRpcMethod("textDocument/codeAction")]
        public Task<Protocol.CodeAction[]?> CodeAction(CodeActionParams parameters, CancellationToken cancellationToken) => GuardAsync<Protocol.CodeAction[]?>(async () => await server.CodeActionAsync(parameters, cancellationToken).ConfigureAwait(false), "codeAction");

        [JsonRpcMethod("textDocument/completion")]
        public Task<CompletionList?> Completion(TextDocumentPositionParams parameters, CancellationToken cancellationToken) => GuardAsync(() => server.CompletionAsync(parameters, cancellationToken), "completion");

        // A notification has no answer to carry an error: log it and keep serving.
        private void Guard(Action action)
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                server.Log($"notification failed: {ex.GetType().Name}: {ex.Message}", MessageType.Error);
            }
        }

        // A request that fails is answered with the error (StreamJsonRpc sends it) and logged.
        private async Task<T> GuardAsync<T>(Func<Task<T>> request, string name)
        {
            try
            {
                return await request().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                server.Log($"{name} failed: {ex.GetType().Name}: {ex.Message}", MessageType.Error);
                throw;
            }
        }
    }
}
