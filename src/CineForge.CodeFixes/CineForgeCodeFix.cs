using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CineForge.CodeFixes;

/// <summary>
/// The base of every CineForge code fix. The IDE asks for fixes of every diagnostic under the caret,
/// and most are never chosen: <see cref="Find"/> only decides whether a diagnostic can be fixed and
/// names the fix; the new tree is built in the code action, when the fix is previewed or applied.
/// </summary>
public abstract class CineForgeCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Find(root, diagnostic) is { } fix)
            {
                context.RegisterCodeFix(CodeAction.Create(fix.Title, _ => Task.FromResult(document.WithSyntaxRoot(fix.Build())), fix.EquivalenceKey), diagnostic);
            }
        }
    }

    /// <summary>The fix of <paramref name="diagnostic"/> in <paramref name="root"/>, not yet built; null when the code does not have the shape the fix rewrites.</summary>
    protected abstract SyntaxFix? Find(SyntaxNode root, Diagnostic diagnostic);
}

/// <summary>A fix found for one diagnostic: its title now, its new syntax root only when it is chosen.</summary>
public sealed class SyntaxFix
{
    private readonly Func<SyntaxNode> build;

    /// <summary>Creates the fix titled <paramref name="title"/>; <paramref name="build"/> returns the document's new root.</summary>
    public SyntaxFix(string title, string equivalenceKey, Func<SyntaxNode> build)
    {
        Title = title;
        EquivalenceKey = equivalenceKey;
        this.build = build;
    }

    /// <summary>What the light bulb shows.</summary>
    public string Title { get; }

    /// <summary>Fixes with the same key are applied together by Fix All.</summary>
    public string EquivalenceKey { get; }

    /// <summary>Builds the new root.</summary>
    public SyntaxNode Build() => build();
}
