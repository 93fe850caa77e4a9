using CineForge.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CineForge.Hosting;

/// <summary>
/// Points a plan diagnostic (which knows a film and a shot index, not a file) at the source that
/// declared it: the shot's argument of the n-th <c>.Shot(...)</c> / <c>.Shots(...)</c> call in the
/// film's <c>Film.Titled(...)</c> chain, or the <c>Film.Titled</c> call for film-wide rules, or the
/// first line of the script when the film cannot be traced (a chain built across statements).
/// A chain belongs to a film when its title is the same string literal; else the only chain whose
/// title is computed (a helper that builds several cuts); else the only chain of the script.
/// </summary>
public sealed class PlanLocator
{
    private readonly ScriptSources sources;
    private readonly List<FilmChain> chains;

    /// <summary>Finds the film chains of <paramref name="sources"/>.</summary>
    public PlanLocator(ScriptSources sources)
    {
        this.sources = sources;
        chains = sources.Files.SelectMany(f => FindChains(f.Tree)).ToList();
    }

    /// <summary>Where <paramref name="diagnostic"/> of <paramref name="film"/> points, and the extent of source it covers.</summary>
    public (SourceSpot Spot, string Path, TextSpan Extent)? Locate(Film film, PlanDiagnostic diagnostic)
    {
        var chain = chains.FirstOrDefault(c => c.Title == film.Title) ?? Only(chains.Where(c => c.Title is null)) ?? Only(chains);
        if (chain is null)
        {
            return null;
        }

        // An asset rule points at the string that names the file, inside the film's chain when it is there.
        var named = diagnostic.AssetPath is { } asset ? NamedIn(chain.Whole, asset) ?? sources.Files.Select(f => NamedIn(f.Tree.GetRoot(), asset)).FirstOrDefault(n => n is not null) : null;
        if (named is not null)
        {
            var at = named.GetLocation().GetLineSpan();
            return (new SourceSpot(at.Path, at.StartLinePosition.Line + 1, at.StartLinePosition.Character + 1), at.Path, named.Span);
        }

        var node = diagnostic.ShotIndex is { } index && index < chain.Shots.Count ? chain.Shots[index] : (SyntaxNode)chain.Start;
        var extent = node == chain.Start ? chain.Whole.Span : node.Span;
        var position = node.GetLocation().GetLineSpan();
        return (new SourceSpot(position.Path, position.StartLinePosition.Line + 1, position.StartLinePosition.Character + 1), position.Path, extent);
    }

    /// <summary>The diagnostic's location, or the top of the script when the film cannot be traced.</summary>
    public SourceSpot SpotOf(Film film, PlanDiagnostic diagnostic) => Locate(film, diagnostic)?.Spot ?? SourceSpot.StartOf(sources.MainPath);

    private static LiteralExpressionSyntax? NamedIn(SyntaxNode root, string value) =>
        root.DescendantNodes().OfType<LiteralExpressionSyntax>().FirstOrDefault(l => l.IsKind(SyntaxKind.StringLiteralExpression) && l.Token.ValueText == value);

    private static FilmChain? Only(IEnumerable<FilmChain> candidates)
    {
        var list = candidates.Take(2).ToList();
        return list.Count == 1 ? list[0] : null;
    }

    private static IEnumerable<FilmChain> FindChains(SyntaxTree tree)
    {
        foreach (var start in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Where(IsFilmTitled))
        {
            var title = start.ArgumentList.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal
                ? literal.Token.ValueText
                : null;
            var shots = new List<ExpressionSyntax>();
            ExpressionSyntax whole = start;
            while (whole.Parent is MemberAccessExpressionSyntax access && access.Expression == whole && access.Parent is InvocationExpressionSyntax call)
            {
                if (access.Name.Identifier.ValueText is "Shot" or "Shots")
                {
                    shots.AddRange(call.ArgumentList.Arguments.Select(a => a.Expression));
                }

                whole = call;
            }

            yield return new FilmChain(title, start, whole, shots);
        }
    }

    private static bool IsFilmTitled(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Titled" } access
        && access.Expression.ToString() is "Film" or "CineForge.Film" or "global::CineForge.Film";

    private sealed record FilmChain(string? Title, InvocationExpressionSyntax Start, ExpressionSyntax Whole, List<ExpressionSyntax> Shots);
}
