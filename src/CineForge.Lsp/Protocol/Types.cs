using System.Text.Json;
using System.Text.Json.Serialization;

namespace CineForge.Lsp.Protocol;

// The Language Server Protocol types this server reads and writes, and no others
// (LSP 3.17; property names are camelCase on the wire).

/// <summary>A zero-based line and UTF-16 column.</summary>
public sealed record Position(int Line, int Character);

/// <summary>A range of a document, end exclusive.</summary>
public sealed record Range(Position Start, Position End);

/// <summary>A document by URI.</summary>
public sealed record TextDocumentIdentifier(string Uri);

/// <summary>A document by URI, at a version.</summary>
public sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

/// <summary>An opened document.</summary>
public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

/// <summary>initialize.</summary>
public sealed record InitializeParams
{
    /// <summary>The client's process id.</summary>
    public int? ProcessId { get; init; }

    /// <summary>The workspace folder.</summary>
    public string? RootUri { get; init; }

    /// <summary>Server settings: <c>{ "debounceMs": 150 }</c>.</summary>
    public JsonElement? InitializationOptions { get; init; }

    /// <summary>What the client can do (read: whether it takes file watchers by dynamic registration).</summary>
    public JsonElement? Capabilities { get; init; }
}

/// <summary>One capability registered at run time.</summary>
public sealed record Registration(string Id, string Method, object? RegisterOptions);

/// <summary>client/registerCapability.</summary>
public sealed record RegistrationParams(Registration[] Registrations);

/// <summary>A glob the client watches.</summary>
public sealed record FileSystemWatcher(string GlobPattern);

/// <summary>The options of workspace/didChangeWatchedFiles.</summary>
public sealed record DidChangeWatchedFilesRegistrationOptions(FileSystemWatcher[] Watchers);

/// <summary>The answer to initialize.</summary>
public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

/// <summary>The server's name and version.</summary>
public sealed record ServerInfo(string Name, string Version);

/// <summary>What this server does.</summary>
public sealed record ServerCapabilities
{
    /// <summary>Open/close and incremental changes.</summary>
    public TextDocumentSyncOptions TextDocumentSync { get; init; } = new();

    /// <summary>Hover on rule ids and DSL methods.</summary>
    public bool HoverProvider { get; init; } = true;

    /// <summary>Quick fixes from the code-fix providers.</summary>
    public CodeActionOptions CodeActionProvider { get; init; } = new();

    /// <summary>DSL completion after a dot.</summary>
    public CompletionOptions CompletionProvider { get; init; } = new();
}

/// <summary>How documents are synchronised.</summary>
public sealed record TextDocumentSyncOptions
{
    /// <summary>didOpen and didClose are sent.</summary>
    public bool OpenClose { get; init; } = true;

    /// <summary>2: incremental changes.</summary>
    public int Change { get; init; } = TextDocumentSyncKind.Incremental;

    /// <summary>didSave is sent (without text).</summary>
    public bool Save { get; init; } = true;
}

/// <summary>Sync kinds.</summary>
public static class TextDocumentSyncKind
{
    /// <summary>The whole text on every change.</summary>
    public const int Full = 1;

    /// <summary>Ranges.</summary>
    public const int Incremental = 2;
}

/// <summary>Code action kinds served.</summary>
public sealed record CodeActionOptions
{
    /// <summary>quickfix only.</summary>
    public string[] CodeActionKinds { get; init; } = { CodeActionKind.QuickFix };
}

/// <summary>Completion triggers.</summary>
public sealed record CompletionOptions
{
    /// <summary>The dot.</summary>
    public string[] TriggerCharacters { get; init; } = { "." };
}

/// <summary>Code action kinds.</summary>
public static class CodeActionKind
{
    /// <summary>A fix of a diagnostic.</summary>
    public const string QuickFix = "quickfix";
}

/// <summary>textDocument/didOpen.</summary>
public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

/// <summary>One change: a range and its new text, or the whole text when <see cref="Range"/> is null.</summary>
public sealed record TextDocumentContentChangeEvent(Range? Range, string Text);

/// <summary>textDocument/didChange.</summary>
public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, TextDocumentContentChangeEvent[] ContentChanges);

/// <summary>textDocument/didClose.</summary>
public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

/// <summary>textDocument/didSave.</summary>
public sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument);

/// <summary>A watched file event.</summary>
public sealed record FileEvent(string Uri, int Type);

/// <summary>workspace/didChangeWatchedFiles.</summary>
public sealed record DidChangeWatchedFilesParams(FileEvent[] Changes);

/// <summary>Severities.</summary>
public static class DiagnosticSeverity
{
    /// <summary>Error.</summary>
    public const int Error = 1;

    /// <summary>Warning.</summary>
    public const int Warning = 2;

    /// <summary>Information.</summary>
    public const int Information = 3;

    /// <summary>Hint.</summary>
    public const int Hint = 4;
}

/// <summary>A link to a diagnostic's documentation.</summary>
public sealed record CodeDescription(string Href);

/// <summary>A diagnostic (clients echo them back in code action requests, not always whole: nothing is required).</summary>
public sealed record Diagnostic
{
    /// <summary>Where.</summary>
    public Range Range { get; init; } = new(new(0, 0), new(0, 0));

    /// <summary>1 error, 2 warning, 3 information.</summary>
    public int Severity { get; init; }

    /// <summary>"CF0201", "CS1002"; absent for host errors.</summary>
    public string? Code { get; init; }

    /// <summary>The rule's page.</summary>
    public CodeDescription? CodeDescription { get; init; }

    /// <summary>"cineforge".</summary>
    public string? Source { get; init; }

    /// <summary>The message, as check prints it.</summary>
    public string Message { get; init; } = string.Empty;
}

/// <summary>textDocument/publishDiagnostics.</summary>
public sealed record PublishDiagnosticsParams(string Uri, int? Version, Diagnostic[] Diagnostics);

/// <summary>A position in a document.</summary>
public record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

/// <summary>What a code action request carries.</summary>
public sealed record CodeActionContext(Diagnostic[] Diagnostics, string[]? Only = null);

/// <summary>textDocument/codeAction.</summary>
public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext Context);

/// <summary>An edit of a document.</summary>
public sealed record TextEdit(Range Range, string NewText);

/// <summary>Edits by document URI.</summary>
public sealed record WorkspaceEdit(Dictionary<string, TextEdit[]> Changes);

/// <summary>A quick fix.</summary>
public sealed record CodeAction
{
    /// <summary>The fix's title, from its provider.</summary>
    public required string Title { get; init; }

    /// <summary>quickfix.</summary>
    public string Kind { get; init; } = CodeActionKind.QuickFix;

    /// <summary>The diagnostics it fixes.</summary>
    public Diagnostic[]? Diagnostics { get; init; }

    /// <summary>The first fix of a diagnostic.</summary>
    public bool IsPreferred { get; init; }

    /// <summary>What it changes.</summary>
    public required WorkspaceEdit Edit { get; init; }
}

/// <summary>Markdown text.</summary>
public sealed record MarkupContent(string Kind, string Value)
{
    /// <summary>Markdown content.</summary>
    public static MarkupContent Markdown(string value) => new("markdown", value);
}

/// <summary>A hover.</summary>
public sealed record Hover(MarkupContent Contents, Range? Range);

/// <summary>window/logMessage.</summary>
public sealed record LogMessageParams(int Type, string Message);

/// <summary>Message types.</summary>
public static class MessageType
{
    /// <summary>Error.</summary>
    public const int Error = 1;

    /// <summary>Warning.</summary>
    public const int Warning = 2;

    /// <summary>Info.</summary>
    public const int Info = 3;

    /// <summary>Log.</summary>
    public const int Log = 4;
}

/// <summary>A completion item.</summary>
public sealed record CompletionItem
{
    /// <summary>The method name.</summary>
    public required string Label { get; init; }

    /// <summary>2: method.</summary>
    public int Kind { get; init; } = 2;

    /// <summary>The signature.</summary>
    public string? Detail { get; init; }

    /// <summary>The rules the method is checked by.</summary>
    public MarkupContent? Documentation { get; init; }
}

/// <summary>The completion list.</summary>
public sealed record CompletionList(bool IsIncomplete, CompletionItem[] Items);

/// <summary>Protocol error codes.</summary>
public static class ErrorCodes
{
    /// <summary>The server got a request before initialize.</summary>
    public const int ServerNotInitialized = -32002;

    /// <summary>The request is invalid now (after shutdown).</summary>
    public const int InvalidRequest = -32600;
}

/// <summary>The serializer settings of the wire.</summary>
public static class Wire
{
    /// <summary>camelCase, nulls left out.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
