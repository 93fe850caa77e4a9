using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CineForge.Analyzers.Reading;

/// <summary>Small readers over IOperation: arguments, constants, lambdas.</summary>
internal static class Ops
{
    public static IOperation Strip(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation { IsImplicit: true } conversion when !conversion.ConstantValue.HasValue || conversion.Operand.ConstantValue.HasValue:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>The parent, skipping conversions and parentheses.</summary>
    public static IOperation? Parent(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent;
    }

    public static IOperation? Argument(IInvocationOperation invocation, string parameter)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameter)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The receiver of an extension call: its first argument.</summary>
    public static IOperation? Receiver(IInvocationOperation invocation) =>
        invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? Strip(invocation.Arguments[0].Value) : null;

    /// <summary>The value itself, or, for a constant lifted to a nullable parameter, the constant it lifts.</summary>
    private static IOperation? Constant(IOperation? value) =>
        value is IConversionOperation { ConstantValue.HasValue: false, IsImplicit: true, Operand: var operand } && operand.ConstantValue.HasValue ? operand : value;

    public static Known<double> Double(IOperation? value, SyntaxNode source)
    {
        value = Constant(value);
        if (value is not null && value.ConstantValue.HasValue && value.ConstantValue.Value is not null and not bool and not string)
        {
            try
            {
                return Known<double>.Of(Convert.ToDouble(value.ConstantValue.Value, System.Globalization.CultureInfo.InvariantCulture), source);
            }
            catch (InvalidCastException)
            {
            }
        }

        return Known<double>.Unknown;
    }

    public static Known<int> Int(IOperation? value, SyntaxNode source) =>
        value is not null && value.ConstantValue.HasValue && value.ConstantValue.Value is int i ? Known<int>.Of(i, source) : Known<int>.Unknown;

    public static Known<bool> Bool(IOperation? value, SyntaxNode source) =>
        value is not null && value.ConstantValue.HasValue && value.ConstantValue.Value is bool b ? Known<bool>.Of(b, source) : Known<bool>.Unknown;

    public static Known<string?> Text(IOperation? value, SyntaxNode source) =>
        value is not null && value.ConstantValue.HasValue && value.ConstantValue.Value is string or null ? Known<string?>.Of((string?)value.ConstantValue.Value, source) : Known<string?>.Unknown;

    public static Known<TEnum> Enum<TEnum>(IOperation? value, SyntaxNode source)
        where TEnum : struct, Enum
    {
        if (value is not null && value.ConstantValue.HasValue && value.ConstantValue.Value is int i && System.Enum.IsDefined(typeof(TEnum), i))
        {
            return Known<TEnum>.Of((TEnum)(object)i, source);
        }

        return Known<TEnum>.Unknown;
    }

    /// <summary>The elements of a params argument written in expanded form; default when it is an array passed as such.</summary>
    public static ImmutableArray<IOperation> Params(IOperation? value)
    {
        if (value is IArrayCreationOperation { IsImplicit: true, Initializer: { } initializer })
        {
            return initializer.ElementValues;
        }

        if (value is IArrayCreationOperation { Initializer: { } explicitInitializer })
        {
            return explicitInitializer.ElementValues;
        }

        return default;
    }

    /// <summary>The value an expression-bodied lambda returns, and its parameter; null for anything else.</summary>
    public static (IOperation Result, IParameterSymbol Parameter)? Lambda(IOperation? value)
    {
        if (value is null)
        {
            return null;
        }

        value = Strip(value);
        if (value is IDelegateCreationOperation creation)
        {
            value = Strip(creation.Target);
        }

        if (value is IAnonymousFunctionOperation { Symbol.Parameters.Length: 1 } function
            && function.Body.Operations.Length == 1
            && function.Body.Operations[0] is IReturnOperation { ReturnedValue: { } returned })
        {
            return (Strip(returned), function.Symbol.Parameters[0]);
        }

        return null;
    }

    /// <summary>True when the operation draws from System.Random (a seed that changes every run).</summary>
    public static bool DrawsFromRandom(IOperation? value, SdkTypes types)
    {
        if (value is null || value.ConstantValue.HasValue || types.Random is not { } random)
        {
            return false;
        }

        return value.DescendantsAndSelf().Any(o => o is IInvocationOperation invocation && SdkTypes.Is(invocation.TargetMethod.ContainingType, random));
    }
}
