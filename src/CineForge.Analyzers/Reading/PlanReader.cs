using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CineForge.Analyzers.Reading;

/// <summary>
/// Reads fluent chains (receiver chains, lambdas such as <c>Grade(g => ...)</c>, variables holding a
/// shot or a character) into models, with every constant folded by the compiler. One reader per
/// compilation, shared by the family analyzers, so a 500-shot film is read once.
/// </summary>
internal sealed class PlanReader
{
    private const int MaxVariableDepth = 8;

    private static readonly ConditionalWeakTable<Compilation, Holder> Readers = new();

    // Models already read, by node. Written mostly by the one analyzer that reads a block while the others
    // wait, so a plain table behind a lock: a concurrent table's striped locks cost more per write.
    private readonly Dictionary<NodeKey, object> memo = new();
    private readonly ConcurrentDictionary<NodeKey, SingleFlight<ImmutableArray<PlanSite>>> sites = new();
    private readonly Variables variables = new();

    private PlanReader(SdkTypes types) => Types = types;

    public SdkTypes Types { get; }

    public static PlanReader? For(Compilation compilation) => Readers.GetValue(compilation, Create).Reader;

    // The eight family analyzers start on one compilation together: one of them resolves the SDK's types, the others wait for it.
    private static Holder Create(Compilation compilation)
    {
        lock (Readers)
        {
            if (Readers.TryGetValue(compilation, out var existing))
            {
                return existing;
            }

            var holder = new Holder(SdkTypes.Resolve(compilation) is { } types ? new PlanReader(types) : null);
            Readers.Add(compilation, holder);
            return holder;
        }
    }

    /// <summary>The shot chain ends and finished films inside <paramref name="root"/> (an operation block, or a script's outermost invocation); read once and shared by every family.</summary>
    public ImmutableArray<PlanSite> Sites(IOperation root, SemanticModel model, CancellationToken cancellationToken) =>
        sites.GetOrAdd(new NodeKey(root.Syntax), _ => new SingleFlight<ImmutableArray<PlanSite>>(() => ReadSites(root, model, cancellationToken))).Value;

    // The family analyzers run concurrently and meet the same code at the same moment:
    // one of them reads it (sites, films and shots), the others wait for that reading.
    private ImmutableArray<PlanSite> ReadSites(IOperation root, SemanticModel model, CancellationToken cancellationToken)
    {
        var sites = ImmutableArray.CreateBuilder<PlanSite>();
        {
            foreach (var invocation in root.DescendantsAndSelf().OfType<IInvocationOperation>())
            {
                var returned = invocation.TargetMethod.ReturnType;
                if (SdkTypes.Is(returned, Types.Shot) && !IsReceiverOf(invocation, Types.ShotExtensions))
                {
                    // Read here, once, by the one analyzer reading the block: the families then share the model.
                    sites.Add(new PlanSite(invocation, IsFilm: false, Shot(invocation, model, cancellationToken)));
                }
                else if (SdkTypes.Is(returned, Types.Film) && !IsReceiverOf(invocation, Types.FilmExtensions) && !IsExtendedVariable(invocation.Syntax, model, cancellationToken))
                {
                    sites.Add(new PlanSite(invocation, IsFilm: true));
                    Film(invocation, model, cancellationToken);
                }
            }
        }

        return sites.ToImmutable();
    }

    // A link of a longer chain: the receiver of a setter that returns the same type (film.Validate() ends the chain).
    private static bool IsReceiverOf(IInvocationOperation invocation, INamedTypeSymbol? extensions) =>
        Ops.Parent(invocation) is IArgumentOperation { Parent: IInvocationOperation outer } argument
        && SdkTypes.Is(outer.TargetMethod.ContainingType, extensions)
        && SymbolEqualityComparer.Default.Equals(outer.TargetMethod.ReturnType, invocation.TargetMethod.ReturnType)
        && outer.Arguments.Length > 0 && outer.Arguments[0] == argument;

    // A film declared in a variable that a later statement keeps extending is not finished yet:
    // its film-wide rules are checked where the extended film ends.
    private bool IsExtendedVariable(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        while (node.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.EqualsValueClauseSyntax { Parent: Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax declarator }
            && Variables.IsExtendedElsewhere(declarator, model, Types.FilmExtensions, cancellationToken);
    }

    public ShotModel Shot(IOperation operation, SemanticModel model, CancellationToken cancellationToken, int depth = 0)
    {
        operation = Ops.Strip(operation);
        if (Recall(operation.Syntax) is ShotModel hit)
        {
            return hit;
        }

        var (current, calls) = Chain(operation, Types.ShotExtensions);

        var shot = current switch
        {
            IInvocationOperation preset when SdkTypes.Is(preset.TargetMethod.ContainingType, Types.Shot) && preset.TargetMethod.IsStatic => Preset(preset, model, depth, cancellationToken),
            _ when depth < MaxVariableDepth && variables.InitialValue(current, model, cancellationToken) is { } initial && SdkTypes.Is(initial.Type, Types.Shot) => Shot(initial, model, cancellationToken, depth + 1),
            _ => ShotModel.Unknown,
        };
        while (calls.Count > 0)
        {
            shot = Apply(shot, calls.Pop(), model, depth, cancellationToken);
        }

        Remember(operation.Syntax, shot);
        return shot;
    }

    public FilmModel Film(IOperation operation, SemanticModel model, CancellationToken cancellationToken, int depth = 0)
    {
        operation = Ops.Strip(operation);
        var calls = new Stack<IInvocationOperation>();
        var current = operation;
        FilmModel? film = null;
        while (true)
        {
            if (Recall(current.Syntax) is FilmModel hit)
            {
                film = hit;
                break;
            }

            if (current is IInvocationOperation invocation && SdkTypes.Is(invocation.TargetMethod.ContainingType, Types.FilmExtensions) && Ops.Receiver(invocation) is { } receiver)
            {
                calls.Push(invocation);
                current = receiver;
                continue;
            }

            break;
        }

        film ??= current switch
        {
            IInvocationOperation titled when Types.Method(titled.TargetMethod).Kind == SdkMethod.FilmTitled => Titled(titled),
            _ when depth < MaxVariableDepth && variables.InitialValue(current, model, cancellationToken) is { } initial && SdkTypes.Is(initial.Type, Types.Film) => Film(initial, model, cancellationToken, depth + 1),
            _ => FilmModel.Unknown,
        };
        while (calls.Count > 0)
        {
            var call = calls.Pop();
            film = Apply(film, call, model, depth, cancellationToken);
            Remember(call.Syntax, film);
        }

        return film;
    }

    public CharacterModel Character(IOperation operation, SemanticModel model, CancellationToken cancellationToken, int depth = 0)
    {
        operation = Ops.Strip(operation);
        if (Recall(operation.Syntax) is CharacterModel hit)
        {
            return hit;
        }

        var (current, calls) = Chain(operation, Types.CharacterExtensions);

        var character = current switch
        {
            IInvocationOperation sheet when Types.Method(sheet.TargetMethod).Kind == SdkMethod.CharacterSheet =>
                new CharacterModel(NonNull(Ops.Text(Ops.Argument(sheet, "name"), sheet.Syntax)), Known<string?>.Of(null), Known<string?>.Of(null), Known<int?>.Of(null), Known<bool>.Of(false), Known<bool>.Of(false), Known<bool>.Of(false)),
            _ when depth < MaxVariableDepth && variables.InitialValue(current, model, cancellationToken) is { } initial && SdkTypes.Is(initial.Type, Types.Character) => Character(initial, model, cancellationToken, depth + 1),
            _ => CharacterModel.Unknown,
        };
        while (calls.Count > 0)
        {
            var call = calls.Pop();
            var source = call.Syntax;
            character = Types.Method(call.TargetMethod).Kind switch
            {
                // Every setter rejects empty text, so a call sets its part even when its argument is not a constant.
                SdkMethod.CharacterFace => character with { Face = Ops.Text(Ops.Argument(call, "descriptors"), source), HasFace = Known<bool>.Of(true, source) },
                SdkMethod.CharacterWardrobe => character with { Wardrobe = Ops.Text(Ops.Argument(call, "wardrobe"), source), HasWardrobe = Known<bool>.Of(true, source) },
                SdkMethod.CharacterSeed => character with { Seed = Ops.Int(Ops.Argument(call, "seed"), source) is { IsKnown: true } seed ? Known<int?>.Of(seed.Value, source) : Known<int?>.Unknown, HasSeed = Known<bool>.Of(true, source) },
                _ => CharacterModel.Unknown,
            };
        }

        Remember(operation.Syntax, character);
        return character;
    }

    public ProductModel Product(IOperation operation, SemanticModel model, CancellationToken cancellationToken, int depth = 0)
    {
        operation = Ops.Strip(operation);
        if (Recall(operation.Syntax) is ProductModel hit)
        {
            return hit;
        }

        var (current, calls) = Chain(operation, Types.ProductExtensions);

        var product = current switch
        {
            IInvocationOperation sheet when Types.Method(sheet.TargetMethod).Kind == SdkMethod.ProductSheet =>
                new ProductModel(NonNull(Ops.Text(Ops.Argument(sheet, "name"), sheet.Syntax)), ImmutableDictionary<string, Known<string?>>.Empty, null),
            _ when depth < MaxVariableDepth && variables.InitialValue(current, model, cancellationToken) is { } initial && SdkTypes.Is(initial.Type, Types.Product) => Product(initial, model, cancellationToken, depth + 1),
            _ => ProductModel.Unknown,
        };
        while (calls.Count > 0 && product.Parts is not null)
        {
            var call = calls.Pop();
            var bound = Types.Method(call.TargetMethod);
            if (bound.Kind != SdkMethod.ProductPart)
            {
                product = ProductModel.Unknown;
                break;
            }

            // Every setter rejects empty text, so a call sets its part even when its argument is not a constant (its text is then unknown).
            var argument = Ops.Argument(call, call.TargetMethod.Parameters[call.TargetMethod.IsExtensionMethod ? 1 : 0].Name);
            var value = argument?.ConstantValue is { HasValue: true, Value: { } constant }
                ? Known<string?>.Of(System.Convert.ToString(constant, System.Globalization.CultureInfo.InvariantCulture), call.Syntax)
                : Known<string?>.Unknown;
            product = product with { Parts = product.Parts.SetItem(ProductRules.Parts[bound.Value], value) };
        }

        product = product with { Source = operation.Syntax };
        Remember(operation.Syntax, product);
        return product;
    }

    // A fluent chain read back to its start: the receiver the calls hang from, and the calls of
    // `extensions`, the first on top.
    private static (IOperation Start, Stack<IInvocationOperation> Calls) Chain(IOperation operation, INamedTypeSymbol? extensions)
    {
        var calls = new Stack<IInvocationOperation>();
        var current = operation;
        while (current is IInvocationOperation invocation && SdkTypes.Is(invocation.TargetMethod.ContainingType, extensions) && Ops.Receiver(invocation) is { } receiver)
        {
            calls.Push(invocation);
            current = receiver;
        }

        return (current, calls);
    }

    private ImmutableArray<ProductModel>? Products(IOperation? value, SemanticModel model, int depth, CancellationToken cancellationToken)
    {
        var elements = Ops.Params(value);
        return elements.IsDefault ? null : elements.Select(e => Product(e, model, cancellationToken, depth)).ToImmutableArray();
    }

    private object? Recall(SyntaxNode node)
    {
        lock (memo)
        {
            return memo.TryGetValue(new NodeKey(node), out var model) ? model : null;
        }
    }

    private void Remember(SyntaxNode node, object model)
    {
        lock (memo)
        {
            memo[new NodeKey(node)] = model;
        }
    }

    private static Known<string> NonNull(Known<string?> text) => text.IsKnown && text.Value is not null ? Known<string>.Of(text.Value, text.Source) : Known<string>.Unknown;

    private ImmutableArray<CharacterModel>? Characters(IOperation? value, SemanticModel model, int depth, CancellationToken cancellationToken)
    {
        var elements = Ops.Params(value);
        return elements.IsDefault ? null : elements.Select(e => Character(e, model, cancellationToken, depth)).ToImmutableArray();
    }

    private ShotModel Preset(IInvocationOperation preset, SemanticModel model, int depth, CancellationToken cancellationToken)
    {
        var bound = Types.Method(preset.TargetMethod);
        var type = bound.Kind == SdkMethod.ShotPreset ? (ShotType)bound.Value : (ShotType?)null;
        if (type is null)
        {
            return ShotModel.Unknown;
        }

        var spec = ShotTypes.Of(type.Value);
        var subject = Ops.Argument(preset, "subject") ?? Ops.Argument(preset, "setting") ?? Ops.Argument(preset, "material");
        var characters = ImmutableArray<CharacterModel>.Empty;
        if (Ops.Argument(preset, "character") is { } single)
        {
            characters = ImmutableArray.Create(Character(single, model, cancellationToken, depth));
        }
        else if (Ops.Argument(preset, "characters") is { } many)
        {
            characters = Characters(many, model, depth, cancellationToken) ?? default;
        }

        var products = ImmutableArray<ProductModel>.Empty;
        if (Ops.Argument(preset, "product") is { } shown)
        {
            products = ImmutableArray.Create(Product(shown, model, cancellationToken, depth));
        }

        var subjectText = subject is null ? Known<string?>.Of(null) : Ops.Text(subject, preset.Syntax);
        var name = Known<string>.Unknown;
        if (subjectText.IsKnown && subjectText.Value is not null)
        {
            name = Known<string>.Of(ShotNames.From(subjectText.Value));
        }
        else if (type == ShotType.ObjectDetail && products.Length == 1)
        {
            name = products[0].Name.IsKnown ? Known<string>.Of(ShotNames.From(products[0].Name.Value + " " + spec.DisplayName)) : Known<string>.Unknown;
        }
        else if (subject is null && !characters.IsDefault && characters.All(c => c.Name.IsKnown))
        {
            name = Known<string>.Of(ShotNames.From(string.Join(" ", characters.Select(c => c.Name.Value)) + " " + spec.DisplayName));
        }

        return new ShotModel
        {
            Name = name,
            Type = Known<ShotType>.Of(type.Value),
            Subject = subjectText,
            Characters = characters.IsDefault ? default : Known<ImmutableArray<CharacterModel>>.Of(characters),
            Products = Known<ImmutableArray<ProductModel>>.Of(products),
            Action = Ops.Argument(preset, "action") is { } action ? Ops.Text(action, preset.Syntax) : Known<string?>.Of(null),
            Duration = Known<double>.Of(spec.DefaultDuration),
            Motion = Known<double>.Of(spec.DefaultMotion),
            Seed = Known<int?>.Of(null),
            Fps = Known<int>.Of(Recommended.Fps),
            Camera = Known<Camera>.Of(spec.DefaultCamera),
            Light = Known<LightDirection?>.Of(null),
            Gaze = Known<GazeAxis?>.Of(null),
            Grain = Known<double?>.Of(null),
            Contrast = Known<Level?>.Of(null),
            Mission = Known<Beat?>.Of(null),
            MissionNote = Known<string?>.Of(null),
            Keyframe = new KeyframeModel(
                Known<int>.Of(Recommended.KeyframeResolutions[0].Width),
                Known<int>.Of(Recommended.KeyframeResolutions[0].Height),
                Known<int>.Of(Recommended.DefaultSteps),
                Known<double>.Of(Recommended.DefaultCfg),
                Known<Sampler>.Of(Recommended.DefaultSampler),
                Known<double>.Of(Recommended.DefaultDenoise)),
            TemporalConsistency = Known<Level>.Of(Level.High),
            Noise = Known<Level>.Of(Level.Low),
            Variants = Known<ImmutableArray<VariantModel>>.Of(ImmutableArray<VariantModel>.Empty),
            Corrections = Known<ImmutableArray<CorrectionModel>>.Of(ImmutableArray<CorrectionModel>.Empty),
            WardrobeOverride = Known<bool>.Of(false),
            FaceOverride = Known<bool>.Of(false),
            SubjectFromFilm = Known<bool>.Of(preset.TargetMethod.Parameters.Length == 0),
        };
    }

    private ShotModel Apply(ShotModel shot, IInvocationOperation call, SemanticModel model, int depth, CancellationToken cancellationToken)
    {
        var source = call.Syntax;
        IOperation? Arg(string name) => Ops.Argument(call, name);
        switch (Types.Method(call.TargetMethod).Kind)
        {
            case SdkMethod.ShotNamed:
                var name = Ops.Text(Arg("name"), source);
                return shot with { Name = name.IsKnown && name.Value is not null ? Known<string>.Of(ShotNames.From(name.Value), source) : Known<string>.Unknown };
            case SdkMethod.ShotDuration:
                return shot with { Duration = Ops.Double(Arg("seconds"), source) };
            case SdkMethod.ShotMotion:
                return shot with { Motion = Ops.Double(Arg("strength"), source) };
            case SdkMethod.ShotSeed:
                var seed = Ops.Int(Arg("seed"), source);
                return shot with
                {
                    Seed = seed.IsKnown ? Known<int?>.Of(seed.Value, source) : Known<int?>.Unknown,
                    RandomSeed = Ops.DrawsFromRandom(Arg("seed"), Types) ? source : null,
                };
            case SdkMethod.ShotFps:
                return shot with { Fps = Ops.Int(Arg("fps"), source) };
            case SdkMethod.ShotCamera:
                return shot with { Camera = Ops.Enum<Camera>(Arg("camera"), source) };
            case SdkMethod.ShotLight:
                return shot with { Light = Nullable(Ops.Enum<LightDirection>(Arg("direction"), source)) };
            case SdkMethod.ShotGaze:
                return shot with { Gaze = Nullable(Ops.Enum<GazeAxis>(Arg("axis"), source)) };
            case SdkMethod.ShotGrain:
                var grain = Ops.Double(Arg("density"), source);
                return shot with { Grain = grain.IsKnown ? Known<double?>.Of(grain.Value, source) : Known<double?>.Unknown };
            case SdkMethod.ShotContrast:
                return shot with { Contrast = Nullable(Ops.Enum<Level>(Arg("level"), source)) };
            case SdkMethod.ShotMission when Arg("role") is { } role:
                return shot with { Mission = Known<Beat?>.Of(Beat.Custom, source), MissionNote = Ops.Text(role, source) };
            case SdkMethod.ShotMission:
                var note = Ops.Text(Arg("note"), source);
                return shot with
                {
                    Mission = Nullable(Ops.Enum<Beat>(Arg("beat"), source)),
                    MissionNote = note.IsKnown ? Known<string?>.Of(string.IsNullOrWhiteSpace(note.Value) ? null : note.Value!.Trim(), source) : note,
                };
            case SdkMethod.ShotNoRule:
                return shot;
            case SdkMethod.ShotFeaturing:
                var added = Characters(Arg("characters"), model, depth, cancellationToken);
                return shot with { Characters = shot.Characters.IsKnown && added is { } list ? Known<ImmutableArray<CharacterModel>>.Of(shot.Characters.Value.AddRange(list), source) : default };
            case SdkMethod.ShotShowing:
                var shown = Products(Arg("products"), model, depth, cancellationToken);
                return shot with { Products = shot.Products.IsKnown && shown is { } more ? Known<ImmutableArray<ProductModel>>.Of(shot.Products.Value.AddRange(more), source) : default };
            case SdkMethod.ShotAction:
                return shot with { Action = Ops.Text(Arg("action"), source) };
            case SdkMethod.ShotKeyframe:
                return shot with { Keyframe = Ops.Lambda(Arg("configure")) is { } keyframe ? Keyframe(keyframe.Result, keyframe.Parameter, shot.Keyframe) : KeyframeModel.Unknown };
            case SdkMethod.ShotTemporalConsistency:
                return shot with { TemporalConsistency = Ops.Enum<Level>(Arg("level"), source) };
            case SdkMethod.ShotNoise:
                return shot with { Noise = Ops.Enum<Level>(Arg("level"), source) };
            case SdkMethod.ShotVariant:
                var variant = new VariantModel(NonNull(Ops.Text(Arg("label"), source)), Ops.Lambda(Arg("configure")) is { } changes ? VariantChanges(changes.Result, changes.Parameter) : default, source);
                return shot with { Variants = shot.Variants.IsKnown ? Known<ImmutableArray<VariantModel>>.Of(shot.Variants.Value.Add(variant), source) : default };
            case SdkMethod.ShotCorrect:
                var denoise = Ops.Double(Arg("denoise"), source);
                return shot with { Corrections = shot.Corrections.IsKnown ? Known<ImmutableArray<CorrectionModel>>.Of(shot.Corrections.Value.Add(new CorrectionModel(denoise, source)), source) : default };
            case SdkMethod.ShotWearing:
                return shot with { WardrobeOverride = Known<bool>.Of(true, source) };
            case SdkMethod.ShotFace:
                return shot with { FaceOverride = Known<bool>.Of(true, source) };
            default:
                // A setter this reader does not know may change anything.
                return ShotModel.Unknown;
        }
    }

    private static Known<T?> Nullable<T>(Known<T> value)
        where T : struct => value.IsKnown ? Known<T?>.Of(value.Value, value.Source) : Known<T?>.Unknown;

    private KeyframeModel Keyframe(IOperation operation, IParameterSymbol parameter, KeyframeModel initial)
    {
        var calls = Unwind(operation, Types.KeyframeExtensions, parameter, out var rooted);
        var keyframe = rooted ? initial : KeyframeModel.Unknown;
        foreach (var call in calls)
        {
            var source = call.Syntax;
            keyframe = Types.Method(call.TargetMethod).Kind switch
            {
                SdkMethod.KeyframeResolution => keyframe with { Width = Ops.Int(Ops.Argument(call, "width"), source), Height = Ops.Int(Ops.Argument(call, "height"), source) },
                SdkMethod.KeyframeSteps => keyframe with { Steps = Ops.Int(Ops.Argument(call, "steps"), source) },
                SdkMethod.KeyframeCfg => keyframe with { Cfg = Ops.Double(Ops.Argument(call, "cfg"), source) },
                SdkMethod.KeyframeSampler => keyframe with { Sampler = Ops.Enum<Sampler>(Ops.Argument(call, "sampler"), source) },
                SdkMethod.KeyframeDenoise => keyframe with { Denoise = Ops.Double(Ops.Argument(call, "denoise"), source) },
                _ => KeyframeModel.Unknown,
            };
        }

        return keyframe;
    }

    private Known<ImmutableArray<VariantChange>> VariantChanges(IOperation operation, IParameterSymbol parameter)
    {
        var calls = Unwind(operation, Types.VariantExtensions, parameter, out var rooted);
        if (!rooted)
        {
            return default;
        }

        // Later calls to the same setter replace the earlier value; the order of first appearance is kept,
        // as VariantChanges.ChangedSettings lists them in declaration order of its properties.
        var changes = new Dictionary<string, VariantChange>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            var source = call.Syntax;
            var parameterName = call.TargetMethod.Parameters.Length > 1 ? call.TargetMethod.Parameters[1].Name : null;
            var argument = parameterName is null ? null : Ops.Argument(call, parameterName);
            var bound = Types.Method(call.TargetMethod);
            if (bound.Kind != SdkMethod.VariantSetting || argument is null)
            {
                return default;
            }

            var setting = SdkMethods.VariantSetting(bound.Value);

            var value = argument.ConstantValue.HasValue && argument.ConstantValue.Value is { } constant ? Known<object>.Of(constant, source) : Known<object>.Unknown;
            changes[setting] = new VariantChange(setting, value);
        }

        return Known<ImmutableArray<VariantChange>>.Of(VariantSettings.Names.Where(changes.ContainsKey).Select(s => changes[s]).ToImmutableArray());
    }

    /// <summary>The calls of <paramref name="extensions"/> from the lambda's parameter up to <paramref name="operation"/>, in call order.</summary>
    private static List<IInvocationOperation> Unwind(IOperation operation, INamedTypeSymbol? extensions, IParameterSymbol parameter, out bool rooted)
    {
        var calls = new List<IInvocationOperation>();
        var current = Ops.Strip(operation);
        while (current is IInvocationOperation invocation && SdkTypes.Is(invocation.TargetMethod.ContainingType, extensions) && Ops.Receiver(invocation) is { } receiver)
        {
            calls.Add(invocation);
            current = receiver;
        }

        calls.Reverse();
        rooted = current is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter);
        return calls;
    }

    private static FilmModel Titled(IInvocationOperation titled) => new()
    {
        Title = NonNull(Ops.Text(Ops.Argument(titled, "title"), titled.Syntax)),
        Root = titled.Syntax,
        Kind = Known<FilmKind>.Of(FilmKind.Short),
        Logline = Known<string?>.Of(null),
        Arc = Known<ImmutableArray<string>>.Of(ImmutableArray<string>.Empty),
        Brief = Known<ImmutableArray<bool>>.Of(ImmutableArray.CreateRange(Enumerable.Repeat(false, BriefLines.Lines.Count))),
        Intention = Known<ImmutableArray<bool>>.Of(ImmutableArray.CreateRange(Enumerable.Repeat(false, BriefLines.IntentionAnswers.Count))),
        Charter = CharterModel.Empty,
        Cast = Known<ImmutableArray<CharacterModel>>.Of(ImmutableArray<CharacterModel>.Empty),
        Products = Known<ImmutableArray<ProductModel>>.Of(ImmutableArray<ProductModel>.Empty),
        Shots = Known<ImmutableList<PlacedShot>>.Of(ImmutableList<PlacedShot>.Empty),
        Grade = Known<ImmutableArray<GradeStepModel>>.Of(ImmutableArray<GradeStepModel>.Empty),
        Sound = SoundModel.Empty,
        Exports = Known<ImmutableArray<ExportTargetModel>>.Of(ImmutableArray<ExportTargetModel>.Empty),
    };

    private FilmModel Apply(FilmModel film, IInvocationOperation call, SemanticModel model, int depth, CancellationToken cancellationToken)
    {
        var source = call.Syntax;
        IOperation? Arg(string name) => Ops.Argument(call, name);
        switch (Types.Method(call.TargetMethod).Kind)
        {
            case SdkMethod.FilmLogline:
                return film with { Logline = Ops.Text(Arg("logline"), source) };
            case SdkMethod.FilmFormat:
                return film with { Kind = FormatKind(Arg("format")) };
            case SdkMethod.FilmArc:
                var steps = Ops.Params(Arg("steps"));
                return film with { Arc = Texts(steps) is { } arc ? Known<ImmutableArray<string>>.Of(arc, source) : default };
            case SdkMethod.FilmBrief:
                return GiveWaiting(film with { Brief = Presence(Arg("configure"), Types.BriefExtensions, film.Brief, SdkMethod.BriefLine) });
            case SdkMethod.FilmIntention:
                return film with { Intention = Presence(Arg("configure"), Types.IntentionExtensions, film.Intention, SdkMethod.IntentionLine) };
            case SdkMethod.FilmCharter:
                return film with { Charter = Ops.Lambda(Arg("configure")) is { } charter ? Charter(charter.Result, charter.Parameter, film.Charter) : CharterModel.Unknown };
            case SdkMethod.FilmCast:
                var cast = Characters(Arg("characters"), model, depth, cancellationToken);
                return GiveWaiting(film with { Cast = film.Cast.IsKnown && cast is { } members ? Known<ImmutableArray<CharacterModel>>.Of(film.Cast.Value.AddRange(members), source) : default });
            case SdkMethod.FilmProducts:
                var products = Products(Arg("products"), model, depth, cancellationToken);
                return GiveWaiting(film with { Products = film.Products.IsKnown && products is { } sheets ? Known<ImmutableArray<ProductModel>>.Of(film.Products.Value.AddRange(sheets), source) : default });
            case SdkMethod.FilmShot:
                return film with { Shots = Place(film, Arg("shot") is { } one ? ImmutableArray.Create(one) : default, model, depth, cancellationToken) };
            case SdkMethod.FilmShots:
                return film with { Shots = Place(film, Ops.Params(Arg("shots")), model, depth, cancellationToken) };
            case SdkMethod.FilmGrade:
                return film with { Grade = Ops.Lambda(Arg("configure")) is { } grade ? Grade(grade.Result, grade.Parameter) : default, GradeCall = source };
            case SdkMethod.FilmSound:
                return film with { Sound = Ops.Lambda(Arg("configure")) is { } sound ? Sound(sound.Result, sound.Parameter) : SoundModel.Unknown, SoundCall = source };
            case SdkMethod.FilmExport:
                return film with { Exports = Ops.Lambda(Arg("configure")) is { } exports ? Exports(exports.Result, exports.Parameter) : default, ExportCall = source };
            default:
                return film.Root is null ? FilmModel.Unknown : FilmModel.Unknown with { Root = film.Root, Title = film.Title };
        }
    }

    private Known<ImmutableList<PlacedShot>> Place(FilmModel film, ImmutableArray<IOperation> added, SemanticModel model, int depth, CancellationToken cancellationToken)
    {
        if (!film.Shots.IsKnown || added.IsDefault)
        {
            return default;
        }

        var list = film.Shots.Value;
        foreach (var argument in added)
        {
            list = list.Add(new PlacedShot(Give(film, Shot(argument, model, cancellationToken, depth)), Ops.Strip(argument).Syntax, list.Count));
        }

        return Known<ImmutableList<PlacedShot>>.Of(list);
    }

    /// <summary>The SDK's ShotSubjects on the model: a preset called without a subject takes the film's lead or brief subject (<see cref="FilmSubjects"/>).</summary>
    private static ShotModel Give(FilmModel film, ShotModel shot)
    {
        if (!shot.SubjectFromFilm.Is(true) || !shot.Type.IsKnown || !shot.Characters.IsKnown || !shot.Products.IsKnown)
        {
            return shot;
        }

        if (shot.Characters.Value.Length > 0 || shot.Products.Value.Length > 0)
        {
            return shot with { SubjectFromFilm = Known<bool>.Of(false) };
        }

        if (FilmSubjects.TakesProduct(shot.Type.Value))
        {
            if (!film.Products.IsKnown)
            {
                return shot with { SubjectFromFilm = default, Products = default, Subject = default };
            }

            if (film.Products.Value.Length > 0)
            {
                return shot with { SubjectFromFilm = Known<bool>.Of(false), Products = Known<ImmutableArray<ProductModel>>.Of(ImmutableArray.Create(film.Products.Value[0])) };
            }
        }

        switch (FilmSubjects.For(shot.Type.Value))
        {
            case FilmSubject.Lead when !film.Cast.IsKnown:
                return shot with { SubjectFromFilm = default, Characters = default };
            case FilmSubject.Lead when film.Cast.Value.Length > 0:
                return shot with { SubjectFromFilm = Known<bool>.Of(false), Characters = Known<ImmutableArray<CharacterModel>>.Of(ImmutableArray.Create(film.Cast.Value[0])) };
            case FilmSubject.BriefSubject when !film.Brief.IsKnown:
                return shot with { SubjectFromFilm = default, Subject = default };
            case FilmSubject.BriefSubject when film.Brief.Value[0]:
                // The brief's subject line is filled in; its text may not be a constant.
                return shot with { SubjectFromFilm = Known<bool>.Of(false), Subject = default };
            default:
                return shot;
        }
    }

    private static FilmModel GiveWaiting(FilmModel film)
    {
        if (!film.Shots.IsKnown || !film.Shots.Value.Any(p => p.Shot.SubjectFromFilm.Is(true)))
        {
            return film;
        }

        return film with { Shots = Known<ImmutableList<PlacedShot>>.Of(ImmutableList.CreateRange(film.Shots.Value.Select(p => p with { Shot = Give(film, p.Shot) }))) };
    }

    private Known<FilmKind> FormatKind(IOperation? format) =>
        format is not null && Ops.Strip(format) is IInvocationOperation invocation && Types.Method(invocation.TargetMethod) is { Kind: SdkMethod.FormatKind } bound
            ? Known<FilmKind>.Of((FilmKind)bound.Value, invocation.Syntax)
            : Known<FilmKind>.Unknown;

    private static ImmutableArray<string>? Texts(ImmutableArray<IOperation> values)
    {
        if (values.IsDefault || values.Any(v => !(v.ConstantValue.HasValue && v.ConstantValue.Value is string)))
        {
            return null;
        }

        return values.Select(v => (string)v.ConstantValue.Value!).ToImmutableArray();
    }

    /// <summary>Which lines a Brief(...) or Intention(...) lambda fills in. Every setter rejects empty text, so a call fills its line even with a non-constant argument.</summary>
    private Known<ImmutableArray<bool>> Presence(IOperation? configure, INamedTypeSymbol? extensions, Known<ImmutableArray<bool>> initial, SdkMethod setter)
    {
        if (!initial.IsKnown || Ops.Lambda(configure) is not { } lambda)
        {
            return default;
        }

        var calls = Unwind(lambda.Result, extensions, lambda.Parameter, out var rooted);
        if (!rooted)
        {
            return default;
        }

        var present = initial.Value.ToBuilder();
        foreach (var call in calls)
        {
            var bound = Types.Method(call.TargetMethod);
            if (bound.Kind != setter)
            {
                return default;
            }

            present[bound.Value] = true;
        }

        return Known<ImmutableArray<bool>>.Of(present.ToImmutable());
    }

    private CharterModel Charter(IOperation operation, IParameterSymbol parameter, CharterModel initial)
    {
        var calls = Unwind(operation, Types.CharterExtensions, parameter, out var rooted);
        var charter = rooted ? initial : CharterModel.Unknown;
        foreach (var call in calls)
        {
            var source = call.Syntax;
            charter = Types.Method(call.TargetMethod).Kind switch
            {
                SdkMethod.CharterLight => charter with { LightDirection = Nullable(Ops.Enum<LightDirection>(Ops.Argument(call, "direction"), source)), Light = Ops.Text(Ops.Argument(call, "description"), source) },
                SdkMethod.CharterTexture => charter with { Texture = Ops.Text(Ops.Argument(call, "texture"), source) },
                SdkMethod.CharterPalette => charter with { Palette = Ops.Text(Ops.Argument(call, "palette"), source) },
                SdkMethod.CharterProhibit => charter with
                {
                    Prohibitions = charter.Prohibitions.IsKnown && Texts(Ops.Params(Ops.Argument(call, "prohibitions"))) is { } more
                        ? Known<ImmutableArray<string>>.Of(charter.Prohibitions.Value.AddRange(more), source)
                        : default,
                },
                _ => CharterModel.Unknown,
            };
        }

        return charter;
    }

    private Known<ImmutableArray<GradeStepModel>> Grade(IOperation operation, IParameterSymbol parameter)
    {
        var calls = Unwind(operation, Types.GradeExtensions, parameter, out var rooted);
        if (!rooted)
        {
            return default;
        }

        var steps = ImmutableArray.CreateBuilder<GradeStepModel>();
        foreach (var call in calls)
        {
            var bound = Types.Method(call.TargetMethod);
            if (bound.Kind != SdkMethod.GradeStep)
            {
                return default;
            }

            var kind = (GradeStepKind)bound.Value;
            var amount = call.TargetMethod.Parameters.LastOrDefault(p => p.Type.SpecialType == SpecialType.System_Double);
            steps.Add(new GradeStepModel(kind, amount is null ? Known<double>.Unknown : Ops.Double(Ops.Argument(call, amount.Name), call.Syntax), call.Syntax));
        }

        return Known<ImmutableArray<GradeStepModel>>.Of(steps.ToImmutable());
    }

    private SoundModel Sound(IOperation operation, IParameterSymbol parameter)
    {
        var calls = Unwind(operation, Types.SoundExtensions, parameter, out var rooted);
        var sound = rooted ? SoundModel.Empty : SoundModel.Unknown;
        foreach (var call in calls)
        {
            var source = call.Syntax;
            var lufs = Ops.Double(Ops.Argument(call, "lufs"), source);
            switch (Types.Method(call.TargetMethod).Kind)
            {
                case SdkMethod.SoundAmbience:
                    sound = sound with { Ambience = Known<StemModel?>.Of(new StemModel(lufs, source), source) };
                    break;
                case SdkMethod.SoundMusic:
                    sound = sound with { Music = Known<StemModel?>.Of(new StemModel(lufs, source), source) };
                    break;
                case SdkMethod.SoundEffect:
                    var lufsArgument = Ops.Argument(call, "lufs");
                    if (lufsArgument is not null && lufsArgument.ConstantValue.HasValue && lufsArgument.ConstantValue.Value is null)
                    {
                        lufs = Known<double>.Of(Loudness.DefaultEffect, source);
                    }

                    var effect = new EffectModel(NonNull(Ops.Text(Ops.Argument(call, "path"), source)), lufs, source);
                    sound = sound with { Effects = sound.Effects.IsKnown ? Known<ImmutableArray<EffectModel>>.Of(sound.Effects.Value.Add(effect)) : default };
                    break;
                default:
                    return SoundModel.Unknown;
            }
        }

        return sound;
    }

    private Known<ImmutableArray<ExportTargetModel>> Exports(IOperation operation, IParameterSymbol parameter)
    {
        var calls = Unwind(operation, Types.ExportExtensions, parameter, out var rooted);
        if (!rooted)
        {
            return default;
        }

        var targets = new List<ExportTargetModel>();
        foreach (var call in calls)
        {
            var bound = Types.Method(call.TargetMethod);
            if (bound.Kind != SdkMethod.ExportTarget)
            {
                return default;
            }

            var kind = (ExportKind)bound.Value;
            var headroom = kind == ExportKind.Master ? Known<bool>.Of(false, call.Syntax) : Ops.Bool(Ops.Argument(call, "headroom"), call.Syntax);

            // ExportSet keeps one target per kind: the last call wins, placed last.
            targets.RemoveAll(t => t.Kind == kind);
            targets.Add(new ExportTargetModel(kind, headroom, call.Syntax));
        }

        return Known<ImmutableArray<ExportTargetModel>>.Of(targets.ToImmutableArray());
    }

    /// <summary>A compilation's reader, or null when it does not reference the SDK (a table cannot hold null).</summary>
    private sealed class Holder(PlanReader? reader)
    {
        public PlanReader? Reader { get; } = reader;
    }
}
