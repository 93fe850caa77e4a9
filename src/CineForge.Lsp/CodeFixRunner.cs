using System.Collections.Immutable;
using CineForge.CodeFixes;
using CineForge.Hosting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using LspCodeAction = CineForge.Lsp.Protocol.CodeAction;

namespace CineForge.Lsp;

/// <summary>
/// Runs the CineForge code-fix providers (the ones the IDE packages carry) on a diagnostic of an
/// analysed film, and turns each fix into a workspace edit. The file that holds the diagnostic
/// becomes a Roslyn <see cref="Document"/> of a one-document project with the film's compilation
/// and parse options (a script document for <c>.csx</c>), so the providers run unchanged.
/// </summary>
internal sealed class CodeFixRunner
{
    private readonly ImmutableArray<CodeFixProvider> providers = CineForgeCodeFixes.All;
    private readonly Lazy<AdhocWorkspace> workspace = new(() => new AdhocWorkspace());

    /// <summary>The ids some provider fixes.</summary>
    public bool CanFix(string id) => providers.Any(p => p.FixableDiagnosticIds.Contains(id));

    /// <summary>The fixes of <paramref name="diagnostics"/> (diagnostics of <paramref name="analysis"/>), as workspace edits for <paramref name="uriOf"/> URIs.</summary>
    public async Task<IReadOnlyList<LspCodeAction>> FixAsync(FilmAnalysis analysis, IReadOnlyList<PublishedDiagnostic> diagnostics, Func<string, string> uriOf, CancellationToken cancellationToken)
    {
        var actions = new List<LspCodeAction>();
        if (analysis.Compilation is not { } compilation)
        {
            return actions;
        }

        foreach (var published in diagnostics)
        {
            if (published.Source is not { Location.SourceTree: { } tree } diagnostic)
            {
                continue;
            }

            var document = DocumentFor(compilation, tree, analysis.Sources.Kind);
            var first = true;
            foreach (var provider in providers.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var registered = new List<CodeAction>();
                var context = new CodeFixContext(document, diagnostic, (action, _) => registered.Add(action), cancellationToken);
                await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
                foreach (var action in registered.SelectMany(Flatten))
                {
                    var edit = await EditOf(action, document, uriOf, cancellationToken).ConfigureAwait(false);
                    if (edit is null)
                    {
                        continue;
                    }

                    actions.Add(new LspCodeAction { Title = action.Title, Diagnostics = new[] { published.Diagnostic }, IsPreferred = first, Edit = edit });
                    first = false;
                }
            }
        }

        return actions;
    }

    private static IEnumerable<CodeAction> Flatten(CodeAction action) =>
        action.NestedActions.IsDefaultOrEmpty ? new[] { action } : action.NestedActions.SelectMany(Flatten);

    private Document DocumentFor(Compilation compilation, SyntaxTree tree, FilmScriptKind kind)
    {
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        var project = ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "film",
            "film",
            LanguageNames.CSharp,
            compilationOptions: compilation.Options,
            parseOptions: tree.Options,
            metadataReferences: compilation.References);
        var solution = workspace.Value.CurrentSolution
            .AddProject(project)
            .AddDocument(documentId, Path.GetFileName(tree.FilePath), tree.GetText(), filePath: tree.FilePath);
        return solution.GetDocument(documentId)!;
    }

    private static async Task<Protocol.WorkspaceEdit?> EditOf(CodeAction action, Document document, Func<string, string> uriOf, CancellationToken cancellationToken)
    {
        var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        if (operations.OfType<ApplyChangesOperation>().FirstOrDefault() is not { } apply)
        {
            return null;
        }

        var changes = new Dictionary<string, Protocol.TextEdit[]>(StringComparer.Ordinal);
        foreach (var projectChanges in apply.ChangedSolution.GetChanges(document.Project.Solution).GetProjectChanges())
        {
            foreach (var id in projectChanges.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
            {
                var before = projectChanges.OldProject.GetDocument(id)!;
                var after = projectChanges.NewProject.GetDocument(id)!;
                var oldText = await before.GetTextAsync(cancellationToken).ConfigureAwait(false);
                // The smallest edits (from the syntax trees), not one replacement of the whole file.
                var edits = (await after.GetTextChangesAsync(before, cancellationToken).ConfigureAwait(false))
                    .Select(c => new Protocol.TextEdit(DocumentPaths.RangeOf(oldText, c.Span), c.NewText ?? string.Empty))
                    .ToArray();
                if (edits.Length > 0 && before.FilePath is { } path)
                {
                    changes[uriOf(path)] = edits;
                }
            }
        }

        return changes.Count == 0 ? null : new Protocol.WorkspaceEdit(changes);
    }
}
