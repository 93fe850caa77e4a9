using CineForge.Rules;

namespace CineForge;

/// <summary>
/// One shot: a fixed keyframe animated for 3–5 s. Start from a shot-type preset
/// (<see cref="TightPortrait(Character)"/>, ...), which sets the table's defaults, then refine.
/// </summary>
public sealed record Shot
{
    /// <summary>Stable short name used in output paths ("serum-drop-on-frosted-glass").</summary>
    public required string Name { get; init; }

    /// <summary>Shot type; sets the ranges of duration, motion and camera.</summary>
    public ShotType Type { get; init; }

    /// <summary>What the shot shows, in words.</summary>
    public string? Subject { get; init; }

    /// <summary>Characters in the shot (their sheets are injected into the prompt).</summary>
    public ValueList<Character> Characters { get; init; } = ValueList<Character>.Empty;

    /// <summary>Products the shot shows (their sheets are injected into the prompt).</summary>
    public ValueList<Product> Products { get; init; } = ValueList<Product>.Empty;

    /// <summary>Duration in seconds (3–5, hard maximum 5).</summary>
    public double Duration { get; init; }

    /// <summary>Motion strength, 0 (still) to 1 (violent).</summary>
    public double Motion { get; init; }

    /// <summary>Fixed seed; null until set (CF0101).</summary>
    public int? Seed { get; init; }

    /// <summary>Frames per second.</summary>
    public int Fps { get; init; } = Recommended.Fps;

    /// <summary>Camera move.</summary>
    public Camera Camera { get; init; }

    /// <summary>Perceived focal length in millimetres (full-frame equivalent).</summary>
    public double? FocalLength { get; init; }

    /// <summary>Dominant light direction; null inherits the lighting charter's.</summary>
    public LightDirection? Light { get; init; }

    /// <summary>Gaze axis of the subject.</summary>
    public GazeAxis? Gaze { get; init; }

    /// <summary>Grain density (0..1) the shot is meant to carry; null inherits the grade's.</summary>
    public double? GrainDensity { get; init; }

    /// <summary>Contrast level.</summary>
    public Level? Contrast { get; init; }

    /// <summary>Narrative role.</summary>
    public Mission? Mission { get; init; }

    /// <summary>What the character feels in this shot.</summary>
    public string? Feeling { get; init; }

    /// <summary>The one gesture or action of the shot.</summary>
    public string? Action { get; init; }

    /// <summary>Keyframe (text-to-image) settings.</summary>
    public KeyframeSettings Keyframe { get; init; } = KeyframeSettings.Default;

    /// <summary>Requested temporal consistency (the method: high).</summary>
    public Level TemporalConsistency { get; init; } = Level.High;

    /// <summary>Requested noise (the method: low).</summary>
    public Level Noise { get; init; } = Level.Low;

    /// <summary>Versions beyond A (the method: B at most).</summary>
    public ValueList<Variant> Variants { get; init; } = ValueList<Variant>.Empty;

    /// <summary>img2img correction passes (the method: 2, then reject).</summary>
    public ValueList<CorrectionPass> Corrections { get; init; } = ValueList<CorrectionPass>.Empty;

    /// <summary>A wardrobe that overrides the characters' sheets in this shot (CF0302).</summary>
    public string? WardrobeOverride { get; init; }

    /// <summary>Face descriptors that override the characters' sheets in this shot (CF0302).</summary>
    public string? FaceOverride { get; init; }

    /// <summary>
    /// True for a preset called without a subject (<c>Shot.TightPortrait()</c>) until a film gives it
    /// one: the cast's lead or the brief's subject (<see cref="FilmSubjects"/>). A shot still waiting
    /// when the film is validated breaks CF0107.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool SubjectFromFilm { get; init; }

    /// <summary>The row of the shot-type table this shot follows.</summary>
    public ShotTypeSpec Spec => ShotTypes.Of(Type);

    /// <summary>A tight portrait of <paramref name="character"/>: 3.5 s, motion 0.35, static camera.</summary>
    public static Shot TightPortrait(Character character) => Preset(ShotType.TightPortrait, null, Guard.NotNull(character, nameof(character)));

    /// <summary>A tight portrait of the film's lead (the first of its cast), given when the shot is added to the film.</summary>
    public static Shot TightPortrait() => FromFilm(ShotType.TightPortrait);

    /// <summary>A tight portrait of a subject described in words.</summary>
    public static Shot TightPortrait(string subject) => Preset(ShotType.TightPortrait, Guard.Text(subject, nameof(subject)));

    /// <summary>A medium action shot of <paramref name="character"/> doing <paramref name="action"/>: 4.5 s, motion 0.48.</summary>
    public static Shot MediumAction(Character character, string action) => Preset(ShotType.MediumAction, null, Guard.NotNull(character, nameof(character))) with { Action = Guard.Text(action, nameof(action)) };

    /// <summary>A medium action shot of <paramref name="character"/> using <paramref name="product"/>: the product's sheet is injected into the prompt.</summary>
    public static Shot MediumAction(Character character, Product product, string action) => MediumAction(character, action) with { Products = ValueList.Of(Guard.NotNull(product, nameof(product))) };

    /// <summary>A medium action shot of the film's lead (the first of its cast) and its product (the first of its products), given when the shot is added; <c>.Action(...)</c> names the gesture.</summary>
    public static Shot MediumAction() => FromFilm(ShotType.MediumAction);

    /// <summary>A medium action shot of a subject described in words.</summary>
    public static Shot MediumAction(string subject) => Preset(ShotType.MediumAction, Guard.Text(subject, nameof(subject)));

    /// <summary>A wide ambience shot of <paramref name="setting"/>, with characters kept small: 4 s, motion 0.33.</summary>
    public static Shot WideAmbience(string setting, params Character[] characters) => Preset(ShotType.WideAmbience, Guard.Text(setting, nameof(setting)), characters);

    /// <summary>A wide ambience shot of the brief's subject, given when the shot is added to the film.</summary>
    public static Shot WideAmbience() => FromFilm(ShotType.WideAmbience);

    /// <summary>An object detail shot of <paramref name="product"/>, drawn from its sheet: 3 s, motion 0.28; <c>.Action(...)</c> says what happens to it.</summary>
    public static Shot ObjectDetail(Product product) => Preset(ShotType.ObjectDetail, null) with { Name = Slug.From(Guard.NotNull(product, nameof(product)).Name + " " + ShotTypes.Of(ShotType.ObjectDetail).DisplayName), Products = ValueList.Of(product) };

    /// <summary>An object detail shot of the film's product (the first of its products), or else of the brief's subject, given when the shot is added to the film.</summary>
    public static Shot ObjectDetail() => FromFilm(ShotType.ObjectDetail);

    /// <summary>An object detail shot of <paramref name="material"/> (name the material explicitly): 3 s, motion 0.28.</summary>
    public static Shot ObjectDetail(string material) => Preset(ShotType.ObjectDetail, Guard.Text(material, nameof(material)));

    private static Shot FromFilm(ShotType type) => Preset(type, null) with { SubjectFromFilm = true };

    private static Shot Preset(ShotType type, string? subject, params Character[] characters)
    {
        var spec = ShotTypes.Of(type);
        var naming = subject ?? string.Join(" ", characters.Select(c => c.Name)) + " " + spec.DisplayName;
        return new Shot
        {
            Name = Slug.From(naming),
            Type = type,
            Subject = subject,
            Characters = ValueList<Character>.From(characters),
            Duration = spec.DefaultDuration,
            Motion = spec.DefaultMotion,
            Camera = spec.DefaultCamera,
        };
    }
}

/// <summary>Fluent setters of <see cref="Shot"/>. Each returns a new shot.</summary>
public static class ShotExtensions
{
    /// <summary>Adds products to the shot: their sheets are injected into the prompt and the previz draws them.</summary>
    public static Shot Showing(this Shot shot, params Product[] products) => shot with { Products = shot.Products.AddRange(products.Select(p => Guard.NotNull(p, nameof(products)))) };

    /// <summary>Renames the shot (output paths use the name).</summary>
    public static Shot Named(this Shot shot, string name) => shot with { Name = Slug.From(Guard.Text(name, nameof(name))) };

    /// <summary>Sets the duration in seconds (3–5; the shot type narrows it; hard maximum 5).</summary>
    public static Shot Duration(this Shot shot, double seconds) => shot with { Duration = Guard.Positive(seconds, nameof(seconds), RuleIds.CF0201, "seconds") };

    /// <summary>Sets the motion strength, 0..1 (0.35–0.55; the shot type narrows it).</summary>
    public static Shot Motion(this Shot shot, double strength) => shot with { Motion = Guard.Within(strength, Recommended.MotionDomain, nameof(strength), RuleIds.CF0204, "motion strength") };

    /// <summary>Fixes the shot's seed.</summary>
    public static Shot Seed(this Shot shot, int seed) => shot with { Seed = seed };

    /// <summary>Sets the frame rate (the method: 24).</summary>
    public static Shot Fps(this Shot shot, int fps) => shot with { Fps = Guard.Positive(fps, nameof(fps), RuleIds.CF0203, "frames per second") };

    /// <summary>Sets the camera move.</summary>
    public static Shot Camera(this Shot shot, Camera camera) => shot with { Camera = camera };

    /// <summary>Sets the perceived focal length in millimetres.</summary>
    public static Shot FocalLength(this Shot shot, double millimetres) => shot with { FocalLength = Guard.Positive(millimetres, nameof(millimetres), RuleIds.CF0102, "millimetres") };

    /// <summary>Sets the dominant light direction (it should agree with the lighting charter).</summary>
    public static Shot Light(this Shot shot, LightDirection direction) => shot with { Light = direction };

    /// <summary>Sets the subject's gaze axis.</summary>
    public static Shot Gaze(this Shot shot, GazeAxis axis) => shot with { Gaze = axis };

    /// <summary>Sets the grain density the shot carries (0..1).</summary>
    public static Shot Grain(this Shot shot, double density) => shot with { GrainDensity = Guard.Within(density, Recommended.UnitInterval, nameof(density), RuleIds.CF0303, "grain density") };

    /// <summary>Sets the contrast level.</summary>
    public static Shot Contrast(this Shot shot, Level level) => shot with { Contrast = level };

    /// <summary>Gives the shot its narrative role.</summary>
    public static Shot Mission(this Shot shot, Beat beat, string? note = null) => shot with { Mission = new Mission(beat, string.IsNullOrWhiteSpace(note) ? null : note!.Trim()) };

    /// <summary>Gives the shot a narrative role described in words.</summary>
    public static Shot Mission(this Shot shot, string role) => shot with { Mission = new Mission(Beat.Custom, Guard.Text(role, nameof(role))) };

    /// <summary>What the character feels in this shot.</summary>
    public static Shot Feels(this Shot shot, string feeling) => shot with { Feeling = Guard.Text(feeling, nameof(feeling)) };

    /// <summary>The shot's one gesture.</summary>
    public static Shot Action(this Shot shot, string action) => shot with { Action = Guard.Text(action, nameof(action)) };

    /// <summary>Adds characters to the shot.</summary>
    public static Shot Featuring(this Shot shot, params Character[] characters) => shot with { Characters = shot.Characters.AddRange(characters.Select(c => Guard.NotNull(c, nameof(characters)))) };

    /// <summary>Refines the keyframe settings: <c>k => k.Steps(40).Cfg(5)</c>.</summary>
    public static Shot Keyframe(this Shot shot, Func<KeyframeSettings, KeyframeSettings> configure) => shot with { Keyframe = Guard.NotNull(configure, nameof(configure))(shot.Keyframe) };

    /// <summary>Sets the requested temporal consistency (the method: high).</summary>
    public static Shot TemporalConsistency(this Shot shot, Level level) => shot with { TemporalConsistency = level };

    /// <summary>Sets the requested noise (the method: low).</summary>
    public static Shot Noise(this Shot shot, Level level) => shot with { Noise = level };

    /// <summary>Declares version <paramref name="label"/> (B): the shot with the changes <paramref name="configure"/> makes.</summary>
    public static Shot Variant(this Shot shot, string label, Func<VariantChanges, VariantChanges> configure) =>
        shot with { Variants = shot.Variants.Add(new Variant(Guard.Text(label, nameof(label)), Guard.NotNull(configure, nameof(configure))(VariantChanges.None))) };

    /// <summary>Adds an img2img correction pass at <paramref name="denoise"/> (0..1; the method uses 0.25–0.40).</summary>
    public static Shot Correct(this Shot shot, double denoise, string? note = null) =>
        shot with { Corrections = shot.Corrections.Add(new CorrectionPass(Guard.Within(denoise, Recommended.DenoiseDomain, nameof(denoise), RuleIds.CF0106, "denoise"), note)) };

    /// <summary>Overrides the characters' wardrobe in this shot. The method locks wardrobe: CF0302 flags it.</summary>
    public static Shot Wearing(this Shot shot, string wardrobe) => shot with { WardrobeOverride = Guard.Text(wardrobe, nameof(wardrobe)) };

    /// <summary>Overrides the characters' face descriptors in this shot. The method locks them: CF0302 flags it.</summary>
    public static Shot Face(this Shot shot, string descriptors) => shot with { FaceOverride = Guard.Text(descriptors, nameof(descriptors)) };
}
