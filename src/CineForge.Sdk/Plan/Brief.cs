namespace CineForge;

/// <summary>The method's mini brief in 12 lines. Every line is required (CF0504).</summary>
public sealed record Brief
{
    /// <summary>An empty brief.</summary>
    public static Brief Empty { get; } = new();

    /// <summary>1. Subject.</summary>
    public string? Subject { get; init; }

    /// <summary>2. Emotion.</summary>
    public string? Emotion { get; init; }

    /// <summary>3. Place.</summary>
    public string? Place { get; init; }

    /// <summary>4. Time of day.</summary>
    public TimeOfDay? Time { get; init; }

    /// <summary>5. Weather.</summary>
    public Weather? Weather { get; init; }

    /// <summary>6. Dominant shot type.</summary>
    public ShotType? ShotType { get; init; }

    /// <summary>7. Perceived focal length, in millimetres.</summary>
    public double? FocalLength { get; init; }

    /// <summary>8. Camera movement.</summary>
    public Camera? CameraMovement { get; init; }

    /// <summary>9. Palette.</summary>
    public string? Palette { get; init; }

    /// <summary>10. Texture.</summary>
    public string? Texture { get; init; }

    /// <summary>11. Visual prohibition.</summary>
    public string? Prohibition { get; init; }

    /// <summary>12. Role of the shot(s) in the story.</summary>
    public string? Role { get; init; }

    /// <summary>The names of the missing lines, in the method's order.</summary>
    public IReadOnlyList<string> MissingLines()
    {
        var missing = new List<string>();
        void Check(bool present, string name)
        {
            if (!present)
            {
                missing.Add(name);
            }
        }

        Check(!string.IsNullOrWhiteSpace(Subject), Rules.BriefLines.Lines[0]);
        Check(!string.IsNullOrWhiteSpace(Emotion), Rules.BriefLines.Lines[1]);
        Check(!string.IsNullOrWhiteSpace(Place), Rules.BriefLines.Lines[2]);
        Check(Time.HasValue, Rules.BriefLines.Lines[3]);
        Check(Weather.HasValue, Rules.BriefLines.Lines[4]);
        Check(ShotType.HasValue, Rules.BriefLines.Lines[5]);
        Check(FocalLength.HasValue, Rules.BriefLines.Lines[6]);
        Check(CameraMovement.HasValue, Rules.BriefLines.Lines[7]);
        Check(!string.IsNullOrWhiteSpace(Palette), Rules.BriefLines.Lines[8]);
        Check(!string.IsNullOrWhiteSpace(Texture), Rules.BriefLines.Lines[9]);
        Check(!string.IsNullOrWhiteSpace(Prohibition), Rules.BriefLines.Lines[10]);
        Check(!string.IsNullOrWhiteSpace(Role), Rules.BriefLines.Lines[11]);
        return missing;
    }
}

/// <summary>Fluent setters of <see cref="Brief"/>.</summary>
public static class BriefExtensions
{
#pragma warning disable CS1591 // each setter sets the brief line of the same name
    public static Brief Subject(this Brief brief, string subject) => brief with { Subject = Guard.Text(subject, nameof(subject)) };

    public static Brief Emotion(this Brief brief, string emotion) => brief with { Emotion = Guard.Text(emotion, nameof(emotion)) };

    public static Brief Place(this Brief brief, string place) => brief with { Place = Guard.Text(place, nameof(place)) };

    public static Brief Time(this Brief brief, TimeOfDay time) => brief with { Time = time };

    public static Brief Weather(this Brief brief, Weather weather) => brief with { Weather = weather };

    public static Brief ShotType(this Brief brief, ShotType type) => brief with { ShotType = type };

    public static Brief FocalLength(this Brief brief, double millimetres) => brief with { FocalLength = Guard.Positive(millimetres, nameof(millimetres), Rules.RuleIds.CF0504, "millimetres") };

    public static Brief CameraMovement(this Brief brief, Camera camera) => brief with { CameraMovement = camera };

    public static Brief Palette(this Brief brief, string palette) => brief with { Palette = Guard.Text(palette, nameof(palette)) };

    public static Brief Texture(this Brief brief, string texture) => brief with { Texture = Guard.Text(texture, nameof(texture)) };

    public static Brief Prohibition(this Brief brief, string prohibition) => brief with { Prohibition = Guard.Text(prohibition, nameof(prohibition)) };

    public static Brief Role(this Brief brief, string role) => brief with { Role = Guard.Text(role, nameof(role)) };
#pragma warning restore CS1591
}

/// <summary>The 5 intention answers to set before generating a single pixel (CF0504).</summary>
public sealed record Intention
{
    /// <summary>No answers yet.</summary>
    public static Intention Empty { get; } = new();

    /// <summary>What the character feels.</summary>
    public string? CharacterFeels { get; init; }

    /// <summary>What the viewer must understand.</summary>
    public string? ViewerUnderstands { get; init; }

    /// <summary>Where the dominant light source is.</summary>
    public string? DominantLight { get; init; }

    /// <summary>Which camera movement is plausible.</summary>
    public string? PlausibleCamera { get; init; }

    /// <summary>Which visual detail carries the emotion.</summary>
    public string? EmotionalDetail { get; init; }

    /// <summary>The missing answers, in the method's order.</summary>
    public IReadOnlyList<string> MissingAnswers()
    {
        var answers = new (string? Value, string Name)[]
        {
            (CharacterFeels, Rules.BriefLines.IntentionAnswers[0]),
            (ViewerUnderstands, Rules.BriefLines.IntentionAnswers[1]),
            (DominantLight, Rules.BriefLines.IntentionAnswers[2]),
            (PlausibleCamera, Rules.BriefLines.IntentionAnswers[3]),
            (EmotionalDetail, Rules.BriefLines.IntentionAnswers[4]),
        };
        return answers.Where(a => string.IsNullOrWhiteSpace(a.Value)).Select(a => a.Name).ToList();
    }
}

/// <summary>Fluent setters of <see cref="Intention"/>.</summary>
public static class IntentionExtensions
{
    /// <summary>What the character feels.</summary>
    public static Intention Feels(this Intention intention, string feeling) => intention with { CharacterFeels = Guard.Text(feeling, nameof(feeling)) };

    /// <summary>What the viewer must understand.</summary>
    public static Intention ViewerUnderstands(this Intention intention, string understanding) => intention with { ViewerUnderstands = Guard.Text(understanding, nameof(understanding)) };

    /// <summary>Where the dominant light source is.</summary>
    public static Intention DominantLight(this Intention intention, string light) => intention with { DominantLight = Guard.Text(light, nameof(light)) };

    /// <summary>Which camera movement is plausible.</summary>
    public static Intention PlausibleCamera(this Intention intention, string camera) => intention with { PlausibleCamera = Guard.Text(camera, nameof(camera)) };

    /// <summary>Which visual detail carries the emotion.</summary>
    public static Intention EmotionalDetail(this Intention intention, string detail) => intention with { EmotionalDetail = Guard.Text(detail, nameof(detail)) };
}

/// <summary>The lighting and texture charters and the visual prohibitions, shared by every shot.</summary>
public sealed record Charter
{
    /// <summary>An empty charter.</summary>
    public static Charter Empty { get; } = new();

    /// <summary>Where the dominant light comes from.</summary>
    public LightDirection? LightDirection { get; init; }

    /// <summary>The lighting charter in words ("low warm window light").</summary>
    public string? Light { get; init; }

    /// <summary>The texture charter ("natural skin, fine film grain").</summary>
    public string? Texture { get; init; }

    /// <summary>The palette ("ochre, teal shadows").</summary>
    public string? Palette { get; init; }

    /// <summary>Visual prohibitions; they go into every negative prompt.</summary>
    public ValueList<string> Prohibitions { get; init; } = ValueList<string>.Empty;
}

/// <summary>Fluent setters of <see cref="Charter"/>.</summary>
public static class CharterExtensions
{
    /// <summary>The lighting charter: the dominant light's direction and its description.</summary>
    public static Charter Light(this Charter charter, LightDirection direction, string description) => charter with { LightDirection = direction, Light = Guard.Text(description, nameof(description)) };

    /// <summary>The texture charter.</summary>
    public static Charter Texture(this Charter charter, string texture) => charter with { Texture = Guard.Text(texture, nameof(texture)) };

    /// <summary>The palette.</summary>
    public static Charter Palette(this Charter charter, string palette) => charter with { Palette = Guard.Text(palette, nameof(palette)) };

    /// <summary>Adds visual prohibitions.</summary>
    public static Charter Prohibit(this Charter charter, params string[] prohibitions) => charter with { Prohibitions = charter.Prohibitions.AddRange(prohibitions.Select(p => Guard.Text(p, nameof(prohibitions)))) };
}
