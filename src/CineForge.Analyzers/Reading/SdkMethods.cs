using System;
using System.Collections.Generic;
using System.Linq;
using CineForge.Rules;
using Microsoft.CodeAnalysis;

namespace CineForge.Analyzers.Reading;

/// <summary>What a fluent method of the SDK means to the reader.</summary>
internal enum SdkMethod
{
    /// <summary>Not a method the reader knows: a chain through it is not known.</summary>
    Unknown = 0,

    ShotPreset, ShotNamed, ShotDuration, ShotMotion, ShotSeed, ShotFps, ShotCamera, ShotLight, ShotGaze, ShotGrain, ShotContrast, ShotMission,
    ShotFeaturing, ShotShowing, ShotAction, ShotKeyframe, ShotTemporalConsistency, ShotNoise, ShotVariant, ShotCorrect, ShotWearing, ShotFace,

    /// <summary>A shot setter no rule reads (the prompt's words): the shot is unchanged.</summary>
    ShotNoRule,

    FilmTitled, FilmLogline, FilmFormat, FilmArc, FilmBrief, FilmIntention, FilmCharter, FilmCast, FilmProducts, FilmShot, FilmShots, FilmGrade, FilmSound, FilmExport,
    CharacterSheet, CharacterFace, CharacterWardrobe, CharacterSeed,

    /// <summary>A product sheet's setter: its value is the index of the part it sets in ProductRules.Parts.</summary>
    ProductSheet, ProductPart,
    FormatKind,
    KeyframeResolution, KeyframeSteps, KeyframeCfg, KeyframeSampler, KeyframeDenoise,
    VariantSetting,
    GradeStep,
    SoundAmbience, SoundMusic, SoundEffect,
    ExportTarget,
    BriefLine, IntentionLine,
    CharterLight, CharterTexture, CharterPalette, CharterProhibit,
}

/// <summary>A method of the SDK bound to its meaning, with the value it stands for (a shot type, a grade step, a brief line...).</summary>
internal readonly struct BoundMethod
{
    public BoundMethod(SdkMethod kind, int value)
    {
        Kind = kind;
        Value = value;
    }

    public SdkMethod Kind { get; }

    /// <summary>The <see cref="ShotType"/>, <see cref="FilmKind"/>, <see cref="GradeStepKind"/>, <see cref="ExportKind"/>, or line index the method stands for.</summary>
    public int Value { get; }
}

/// <summary>
/// The one table that ties the reader to the SDK's fluent API: each SDK method by its type and name,
/// bound once per compilation to its <see cref="IMethodSymbol"/>s (every overload), so the reader
/// dispatches on symbols, not on names. A meta-test (SdkMethodCoverageTests) reflects over the SDK
/// and fails when a public fluent method is neither here nor in <see cref="Ignored"/>, or an entry
/// here names a method the SDK no longer has.
/// </summary>
internal static class SdkMethods
{
    private const string ShotX = "CineForge.ShotExtensions";
    private const string FilmX = "CineForge.FilmExtensions";
    private const string CharacterX = "CineForge.CharacterExtensions";
    private const string ProductX = "CineForge.ProductExtensions";
    private const string KeyframeX = "CineForge.KeyframeSettingsExtensions";
    private const string VariantX = "CineForge.VariantChangesExtensions";
    private const string GradeX = "CineForge.GradeChainExtensions";
    private const string SoundX = "CineForge.SoundMixExtensions";
    private const string ExportX = "CineForge.ExportSetExtensions";
    private const string BriefX = "CineForge.BriefExtensions";
    private const string IntentionX = "CineForge.IntentionExtensions";
    private const string CharterX = "CineForge.CharterExtensions";

    /// <summary>Every SDK method the reader reads: declaring type's metadata name, method name, meaning, value.</summary>
    public static readonly IReadOnlyList<(string Type, string Method, SdkMethod Kind, int Value)> Handled = new List<(string, string, SdkMethod, int)>
    {
        ("CineForge.Shot", "TightPortrait", SdkMethod.ShotPreset, (int)ShotType.TightPortrait),
        ("CineForge.Shot", "MediumAction", SdkMethod.ShotPreset, (int)ShotType.MediumAction),
        ("CineForge.Shot", "WideAmbience", SdkMethod.ShotPreset, (int)ShotType.WideAmbience),
        ("CineForge.Shot", "ObjectDetail", SdkMethod.ShotPreset, (int)ShotType.ObjectDetail),
        (ShotX, "Named", SdkMethod.ShotNamed, 0),
        (ShotX, "Duration", SdkMethod.ShotDuration, 0),
        (ShotX, "Motion", SdkMethod.ShotMotion, 0),
        (ShotX, "Seed", SdkMethod.ShotSeed, 0),
        (ShotX, "Fps", SdkMethod.ShotFps, 0),
        (ShotX, "Camera", SdkMethod.ShotCamera, 0),
        (ShotX, "Light", SdkMethod.ShotLight, 0),
        (ShotX, "Gaze", SdkMethod.ShotGaze, 0),
        (ShotX, "Grain", SdkMethod.ShotGrain, 0),
        (ShotX, "Contrast", SdkMethod.ShotContrast, 0),
        (ShotX, "Mission", SdkMethod.ShotMission, 0),
        (ShotX, "Feels", SdkMethod.ShotNoRule, 0),
        (ShotX, "Action", SdkMethod.ShotAction, 0),
        (ShotX, "FocalLength", SdkMethod.ShotNoRule, 0),
        (ShotX, "Featuring", SdkMethod.ShotFeaturing, 0),
        (ShotX, "Showing", SdkMethod.ShotShowing, 0),
        (ShotX, "Keyframe", SdkMethod.ShotKeyframe, 0),
        (ShotX, "TemporalConsistency", SdkMethod.ShotTemporalConsistency, 0),
        (ShotX, "Noise", SdkMethod.ShotNoise, 0),
        (ShotX, "Variant", SdkMethod.ShotVariant, 0),
        (ShotX, "Correct", SdkMethod.ShotCorrect, 0),
        (ShotX, "Wearing", SdkMethod.ShotWearing, 0),
        (ShotX, "Face", SdkMethod.ShotFace, 0),
        ("CineForge.Film", "Titled", SdkMethod.FilmTitled, 0),
        (FilmX, "Logline", SdkMethod.FilmLogline, 0),
        (FilmX, "Format", SdkMethod.FilmFormat, 0),
        (FilmX, "Arc", SdkMethod.FilmArc, 0),
        (FilmX, "Brief", SdkMethod.FilmBrief, 0),
        (FilmX, "Intention", SdkMethod.FilmIntention, 0),
        (FilmX, "Charter", SdkMethod.FilmCharter, 0),
        (FilmX, "Cast", SdkMethod.FilmCast, 0),
        (FilmX, "Products", SdkMethod.FilmProducts, 0),
        (FilmX, "Shot", SdkMethod.FilmShot, 0),
        (FilmX, "Shots", SdkMethod.FilmShots, 0),
        (FilmX, "Grade", SdkMethod.FilmGrade, 0),
        (FilmX, "Sound", SdkMethod.FilmSound, 0),
        (FilmX, "Export", SdkMethod.FilmExport, 0),
        ("CineForge.Character", "Sheet", SdkMethod.CharacterSheet, 0),
        (CharacterX, "Face", SdkMethod.CharacterFace, 0),
        (CharacterX, "Wardrobe", SdkMethod.CharacterWardrobe, 0),
        (CharacterX, "Seed", SdkMethod.CharacterSeed, 0),
        ("CineForge.Product", "Sheet", SdkMethod.ProductSheet, 0),
        ("CineForge.Format", "Short", SdkMethod.FormatKind, (int)FilmKind.Short),
        ("CineForge.Format", "Ad", SdkMethod.FormatKind, (int)FilmKind.Ad),
        (KeyframeX, "Resolution", SdkMethod.KeyframeResolution, 0),
        (KeyframeX, "Steps", SdkMethod.KeyframeSteps, 0),
        (KeyframeX, "Cfg", SdkMethod.KeyframeCfg, 0),
        (KeyframeX, "Sampler", SdkMethod.KeyframeSampler, 0),
        (KeyframeX, "Denoise", SdkMethod.KeyframeDenoise, 0),
        (VariantX, "Seed", SdkMethod.VariantSetting, 0),
        (VariantX, "Motion", SdkMethod.VariantSetting, 1),
        (VariantX, "Duration", SdkMethod.VariantSetting, 2),
        (VariantX, "Camera", SdkMethod.VariantSetting, 3),
        (VariantX, "Cfg", SdkMethod.VariantSetting, 4),
        (VariantX, "Steps", SdkMethod.VariantSetting, 5),
        (VariantX, "Denoise", SdkMethod.VariantSetting, 6),
        (VariantX, "Light", SdkMethod.VariantSetting, 7),
        (GradeX, "Exposure", SdkMethod.GradeStep, (int)GradeStepKind.Exposure),
        (GradeX, "SoftContrast", SdkMethod.GradeStep, (int)GradeStepKind.SoftContrast),
        (GradeX, "SecondarySkin", SdkMethod.GradeStep, (int)GradeStepKind.SecondarySkin),
        (GradeX, "Harmonize", SdkMethod.GradeStep, (int)GradeStepKind.Harmonize),
        (GradeX, "Grain", SdkMethod.GradeStep, (int)GradeStepKind.Grain),
        (GradeX, "Lut", SdkMethod.GradeStep, (int)GradeStepKind.Lut),
        (GradeX, "Look", SdkMethod.GradeStep, (int)GradeStepKind.Look),
        (GradeX, "Sharpen", SdkMethod.GradeStep, (int)GradeStepKind.Sharpen),
        (SoundX, "Ambience", SdkMethod.SoundAmbience, 0),
        (SoundX, "RoomTone", SdkMethod.SoundAmbience, 0),
        (SoundX, "Music", SdkMethod.SoundMusic, 0),
        (SoundX, "Effect", SdkMethod.SoundEffect, 0),
        (ExportX, "Master", SdkMethod.ExportTarget, (int)ExportKind.Master),
        (ExportX, "Web", SdkMethod.ExportTarget, (int)ExportKind.Web),
        (ExportX, "Mobile", SdkMethod.ExportTarget, (int)ExportKind.Mobile),
        (CharterX, "Light", SdkMethod.CharterLight, 0),
        (CharterX, "Texture", SdkMethod.CharterTexture, 0),
        (CharterX, "Palette", SdkMethod.CharterPalette, 0),
        (CharterX, "Prohibit", SdkMethod.CharterProhibit, 0),
    }
        .Concat(ProductRules.Parts.Select((part, index) => (ProductX, ProductSetter(part), SdkMethod.ProductPart, index)))
        .Concat(BriefSetters.Select((name, line) => (BriefX, name, SdkMethod.BriefLine, line)))
        .Concat(IntentionSetters.Select((name, line) => (IntentionX, name, SdkMethod.IntentionLine, line)))
        .ToList();

    /// <summary>Public fluent methods of the SDK the reader deliberately does not read (none today: each would make a chain through it unknown).</summary>
    public static readonly IReadOnlyList<(string Type, string Method)> Ignored = Array.Empty<(string, string)>();

    // The setters of Brief and Intention, by the index of the line they fill in (BriefLines' order).
    private static string[] BriefSetters => new[] { "Subject", "Emotion", "Place", "Time", "Weather", "ShotType", "FocalLength", "CameraMovement", "Palette", "Texture", "Prohibition", "Role" };

    private static string[] IntentionSetters => new[] { "Feels", "ViewerUnderstands", "DominantLight", "PlausibleCamera", "EmotionalDetail" };

    /// <summary>The Product setter of a part: "colour" is set by Colour(...).</summary>
    private static string ProductSetter(string part) => char.ToUpperInvariant(part[0]) + part.Substring(1);

    /// <summary>The variant setting a <see cref="SdkMethod.VariantSetting"/> value stands for (<see cref="VariantSettings.Names"/>' spelling).</summary>
    public static string VariantSetting(int value) => VariantSettings.Names[value];

    /// <summary>Binds the table to the compilation's SDK: every overload of every method, keyed by symbol.</summary>
    public static Dictionary<IMethodSymbol, BoundMethod> Bind(System.Func<string, INamedTypeSymbol?> sdkType)
    {
        var bound = new Dictionary<IMethodSymbol, BoundMethod>(SymbolEqualityComparer.Default);
        var types = new Dictionary<string, INamedTypeSymbol?>();
        foreach (var (type, method, kind, value) in Handled)
        {
            if (!types.TryGetValue(type, out var symbol))
            {
                types[type] = symbol = sdkType(type);
            }

            if (symbol is null)
            {
                continue;
            }

            foreach (var overload in symbol.GetMembers(method).OfType<IMethodSymbol>())
            {
                bound[overload] = new BoundMethod(kind, value);
            }
        }

        return bound;
    }
}
