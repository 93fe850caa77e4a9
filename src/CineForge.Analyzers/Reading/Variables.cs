using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CineForge.Analyzers.Reading;

/// <summary>
/// Follows a local (or a script's top-level variable, which compiles to a field) to the value it was
/// declared with, when it is assigned nowhere else: that is how a character sheet declared in one
/// statement is read in every shot that uses it.
/// </summary>
internal sealed class Variables
{
    private readonly ConcurrentDictionary<SyntaxTree, HashSet<string>> assignedNames = new();
    private readonly ConcurrentDictionary<ISymbol, IOperation?> initialValues = new(SymbolEqualityComparer.Default);

    public IOperation? InitialValue(IOperation reference, SemanticModel model, CancellationToken cancellationToken)
    {
        var symbol = reference switch
        {
            ILocalReferenceOperation local => (ISymbol)local.Local,
            IFieldReferenceOperation { Field: { IsConst: false } field } when field.ContainingType.IsScriptClass => field,
            _ => null,
        };
        if (symbol is null)
        {
            return null;
        }

        // The operation's own model is the one the compiler bound for the build: asking it costs least.
        var semantic = reference.SemanticModel ?? model;
        return initialValues.GetOrAdd(symbol, s => Declared(s, semantic, cancellationToken));
    }

    private IOperation? Declared(ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
    {
        if (symbol.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var declaration = symbol.DeclaringSyntaxReferences[0];
        if (declaration.SyntaxTree != model.SyntaxTree
            || declaration.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } value }
            || AssignedNames(model.SyntaxTree, cancellationToken).Contains(symbol.Name))
        {
            return null;
        }

        return model.GetOperation(value, cancellationToken) is { } operation ? Ops.Strip(operation) : null;
    }

    /// <summary>True when some other expression extends the variable <paramref name="declarator"/> declares with a call of <paramref name="extensions"/>.</summary>
    public static bool IsExtendedElsewhere(VariableDeclaratorSyntax declarator, SemanticModel model, INamedTypeSymbol? extensions, CancellationToken cancellationToken)
    {
        var symbol = model.GetDeclaredSymbol(declarator, cancellationToken);
        if (symbol is null)
        {
            return false;
        }

        // The text finds the few places where the name is followed by a dot; the syntax and the symbol confirm each.
        var root = model.SyntaxTree.GetRoot(cancellationToken);
        var text = model.SyntaxTree.GetText(cancellationToken).ToString();
        var name = declarator.Identifier.ValueText;
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
        {
            var next = at + name.Length;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next < text.Length && text[next] == '.'
                && root.FindToken(at).Parent is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name
                && identifier.Parent is MemberAccessExpressionSyntax access && access.Expression == identifier
                && access.Parent is InvocationExpressionSyntax invocation
                && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
                && SdkTypes.Is(method.ContainingType, extensions)
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, symbol))
            {
                return true;
            }
        }

        return false;
    }

    private HashSet<string> AssignedNames(SyntaxTree tree, CancellationToken cancellationToken) => assignedNames.GetOrAdd(tree, t =>
    {
        // Any assignment, increment or ref/out use of a name makes every variable of that name unknown: never wrong.
        // A film is mostly one long expression, so the text finds the few candidate tokens ('=', "++", "--",
        // "ref", "out") and the syntax tree says what each one is.
        var names = new HashSet<string>(StringComparer.Ordinal);
        var root = t.GetRoot(cancellationToken);
        var text = t.GetText(cancellationToken).ToString();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var candidate = c == '=' || ((c == '+' || c == '-') && i + 1 < text.Length && text[i + 1] == c)
                || ((c == 'r' || c == 'o') && (i == 0 || !IsIdentifierPart(text[i - 1])) && (string.CompareOrdinal(text, i, "ref", 0, 3) == 0 || string.CompareOrdinal(text, i, "out", 0, 3) == 0));
            if (!candidate)
            {
                continue;
            }

            var token = root.FindToken(i);
            switch (token.Parent)
            {
                case AssignmentExpressionSyntax assignment:
                    AddTargets(assignment.Left, names);
                    break;
                case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix:
                    AddTargets(prefix.Operand, names);
                    break;
                case PostfixUnaryExpressionSyntax postfix:
                    AddTargets(postfix.Operand, names);
                    break;
                case ArgumentSyntax { RefKindKeyword.RawKind: not (int)SyntaxKind.None } argument when token == argument.RefKindKeyword:
                    AddTargets(argument.Expression, names);
                    break;
            }
        }

        return names;
    });

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '@';

    private static void AddTargets(ExpressionSyntax target, HashSet<string> names)
    {
        switch (target)
        {
            case IdentifierNameSyntax identifier:
                names.Add(identifier.Identifier.ValueText);
                break;
            case TupleExpressionSyntax tuple:
                foreach (var element in tuple.Arguments)
                {
                    AddTargets(element.Expression, names);
                }

                break;
        }
    }
}
