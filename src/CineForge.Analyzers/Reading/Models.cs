using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CineForge.Analyzers.Reading;

// What the fluent chains say, as far as constants tell. Unknown fields keep the analyzers silent.

/// <summary>A character sheet. Face and wardrobe hold their text when constant; HasFace/HasWardrobe/HasSeed say whether they are set at all.</summary>
internal sealed record CharacterModel(Known<string> Name, Known<string?> Face, Known<string?> Wardrobe, Known<int?> Seed, Known<bool> HasFace, Known<bool> HasWardrobe, Known<bool> HasSeed)
{
    public static readonly CharacterModel Unknown = new(default, default, default, default, default, default, default);
}

/// <summary>
/// A product sheet: its name, and each locked part it sets (<see cref="CineForge.Rules.ProductRules.Parts"/>'s names) with
/// its text when constant; null when the chain is not known. <see cref="Source"/> is the expression it was read from.
/// </summary>
internal sealed record ProductModel(Known<string> Name, ImmutableDictionary<string, Known<string?>>? Parts, SyntaxNode? Source)
{
    public static readonly ProductModel Unknown = new(default, null, null);

    /// <summary>The text of a part: known null when the sheet does not set it, unknown when the chain is not known.</summary>
    public Known<string?> Part(string part) => Parts is null ? Known<string?>.Unknown : Parts.TryGetValue(part, out var value) ? value : Known<string?>.Of(null);
}

internal sealed record KeyframeModel(Known<int> Width, Known<int> Height, Known<int> Steps, Known<double> Cfg, Known<Sampler> Sampler, Known<double> Denoise)
{
    public static readonly KeyframeModel Unknown = new(default, default, default, default, default, default);
}

/// <summary>One setting a variant changes: its name as messages write it, and the new value when constant.</summary>
internal sealed record VariantChange(string Setting, Known<object> Value);

internal sealed record CorrectionModel(Known<double> Denoise, SyntaxNode Source);

internal sealed record VariantModel(Known<string> Label, Known<ImmutableArray<VariantChange>> Changes, SyntaxNode Source);

internal sealed record ShotModel
{
    public static readonly ShotModel Unknown = new();

    public Known<string> Name { get; init; }

    public Known<ShotType> Type { get; init; }

    public Known<string?> Subject { get; init; }

    public Known<ImmutableArray<CharacterModel>> Characters { get; init; }

    public Known<ImmutableArray<ProductModel>> Products { get; init; }

    /// <summary>The shot's one gesture (MediumAction's action, .Action(...)).</summary>
    public Known<string?> Action { get; init; }

    public Known<double> Duration { get; init; }

    public Known<double> Motion { get; init; }

    public Known<int?> Seed { get; init; }

    /// <summary>The Seed(...) call whose argument comes from System.Random, if the last seed does.</summary>
    public SyntaxNode? RandomSeed { get; init; }

    public Known<int> Fps { get; init; }

    public Known<Camera> Camera { get; init; }

    public Known<LightDirection?> Light { get; init; }

    public Known<GazeAxis?> Gaze { get; init; }

    public Known<double?> Grain { get; init; }

    public Known<Level?> Contrast { get; init; }

    public Known<Beat?> Mission { get; init; }

    public Known<string?> MissionNote { get; init; }

    public KeyframeModel Keyframe { get; init; } = KeyframeModel.Unknown;

    public Known<Level> TemporalConsistency { get; init; }

    public Known<Level> Noise { get; init; }

    public Known<ImmutableArray<VariantModel>> Variants { get; init; }

    public Known<ImmutableArray<CorrectionModel>> Corrections { get; init; }

    public Known<bool> WardrobeOverride { get; init; }

    public Known<bool> FaceOverride { get; init; }

    /// <summary>True for a preset called without a subject until the film gives it one (CF0107).</summary>
    public Known<bool> SubjectFromFilm { get; init; }
}

internal sealed record GradeStepModel(GradeStepKind Kind, Known<double> Amount, SyntaxNode Source);

internal sealed record StemModel(Known<double> Lufs, SyntaxNode Source);

internal sealed record EffectModel(Known<string> Path, Known<double> Lufs, SyntaxNode Source);

internal sealed record SoundModel(Known<StemModel?> Ambience, Known<ImmutableArray<EffectModel>> Effects, Known<StemModel?> Music)
{
    public static readonly SoundModel Unknown = new(default, default, default);

    public static readonly SoundModel Empty = new(Known<StemModel?>.Of(null), Known<ImmutableArray<EffectModel>>.Of(ImmutableArray<EffectModel>.Empty), Known<StemModel?>.Of(null));
}

internal sealed record ExportTargetModel(ExportKind Kind, Known<bool> Headroom, SyntaxNode Source);

internal sealed record CharterModel(Known<LightDirection?> LightDirection, Known<string?> Light, Known<string?> Texture, Known<string?> Palette, Known<ImmutableArray<string>> Prohibitions)
{
    public static readonly CharterModel Unknown = new(default, default, default, default, default);

    public static readonly CharterModel Empty = new(Known<LightDirection?>.Of(null), Known<string?>.Of(null), Known<string?>.Of(null), Known<string?>.Of(null), Known<ImmutableArray<string>>.Of(ImmutableArray<string>.Empty));
}

/// <summary>A shot placed in a film: its model, the argument that placed it, its zero-based index.</summary>
internal sealed record PlacedShot(ShotModel Shot, SyntaxNode Argument, int Index);

internal sealed record FilmModel
{
    public static readonly FilmModel Unknown = new();

    public Known<string> Title { get; init; }

    /// <summary>The Film.Titled(...) call, when the chain starts with one.</summary>
    public SyntaxNode? Root { get; init; }

    public Known<FilmKind> Kind { get; init; }

    public Known<string?> Logline { get; init; }

    public Known<ImmutableArray<string>> Arc { get; init; }

    /// <summary>Presence of the 12 brief lines, in the method's order.</summary>
    public Known<ImmutableArray<bool>> Brief { get; init; }

    /// <summary>Presence of the 5 intention answers.</summary>
    public Known<ImmutableArray<bool>> Intention { get; init; }

    public CharterModel Charter { get; init; } = CharterModel.Unknown;

    public Known<ImmutableArray<CharacterModel>> Cast { get; init; }

    public Known<ImmutableArray<ProductModel>> Products { get; init; }

    /// <summary>The shots in timeline order; a persistent list, because every .Shot(...) of a long film keeps the film before it.</summary>
    public Known<ImmutableList<PlacedShot>> Shots { get; init; }

    public Known<ImmutableArray<GradeStepModel>> Grade { get; init; }

    public SyntaxNode? GradeCall { get; init; }

    public SoundModel Sound { get; init; } = SoundModel.Unknown;

    public SyntaxNode? SoundCall { get; init; }

    public Known<ImmutableArray<ExportTargetModel>> Exports { get; init; }

    public SyntaxNode? ExportCall { get; init; }
}
