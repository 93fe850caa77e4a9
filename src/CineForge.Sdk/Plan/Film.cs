namespace CineForge;

/// <summary>
/// A film: the immutable plan a script declares. Declaring a film renders nothing; the runner
/// validates the plan (<see cref="FilmExtensions.Validate"/>) and renders it.
/// </summary>
public sealed record Film
{
    /// <summary>Title.</summary>
    public required string Title { get; init; }

    /// <summary>One-sentence logline.</summary>
    public string? Logline { get; init; }

    /// <summary>Short or ad.</summary>
    public Format Format { get; init; } = Format.Short();

    /// <summary>The emotional arc, one step per entry ("exhausted", "calm", "confident").</summary>
    public ValueList<string> Arc { get; init; } = ValueList<string>.Empty;

    /// <summary>The 12-line mini brief.</summary>
    public Brief Brief { get; init; } = Brief.Empty;

    /// <summary>The 5 intention answers.</summary>
    public Intention Intention { get; init; } = Intention.Empty;

    /// <summary>Lighting and texture charters, palette, prohibitions.</summary>
    public Charter Charter { get; init; } = Charter.Empty;

    /// <summary>Character sheets.</summary>
    public ValueList<Character> Cast { get; init; } = ValueList<Character>.Empty;

    /// <summary>Product sheets: what an ad sells, locked like the cast.</summary>
    public ValueList<Product> Products { get; init; } = ValueList<Product>.Empty;

    /// <summary>Shots, in timeline order.</summary>
    public ValueList<Shot> Shots { get; init; } = ValueList<Shot>.Empty;

    /// <summary>The grade chain, as written.</summary>
    public GradeChain Grade { get; init; } = GradeChain.Empty;

    /// <summary>The sound mix.</summary>
    public SoundMix Sound { get; init; } = SoundMix.Empty;

    /// <summary>Exports.</summary>
    public ExportSet Exports { get; init; } = ExportSet.Empty;

    /// <summary>Total running time in seconds.</summary>
    public double Runtime => Shots.Sum(s => s.Duration);

    /// <summary>Starts a film called <paramref name="title"/>.</summary>
    public static Film Titled(string title) => new() { Title = Guard.Text(title, nameof(title)) };

    /// <summary>The cast member called <paramref name="name"/>, or null.</summary>
    public Character? CastMember(string name) => Cast.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>The product sheet called <paramref name="name"/>, or null.</summary>
    public Product? ProductSheet(string name) => Products.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}

/// <summary>Fluent setters and services of <see cref="Film"/>.</summary>
public static partial class FilmExtensions
{
    /// <summary>Sets the logline: one sentence that tells the film.</summary>
    public static Film Logline(this Film film, string logline) => film with { Logline = Guard.Text(logline, nameof(logline)) };

    /// <summary>Sets the format: <c>Format.Short()</c> or <c>Format.Ad(cta: "...")</c>.</summary>
    public static Film Format(this Film film, Format format) => film with { Format = Guard.NotNull(format, nameof(format)) };

    /// <summary>Sets the emotional arc.</summary>
    public static Film Arc(this Film film, params string[] steps) => film with { Arc = ValueList<string>.From(steps.Select(s => Guard.Text(s, nameof(steps)))) };

    /// <summary>Fills in the 12-line brief: <c>b => b.Subject(...).Emotion(...)...</c>.</summary>
    public static Film Brief(this Film film, Func<Brief, Brief> configure) => ShotSubjects.GiveWaiting(film with { Brief = Guard.NotNull(configure, nameof(configure))(film.Brief) });

    /// <summary>Answers the 5 intention questions: <c>i => i.Feels(...)...</c>.</summary>
    public static Film Intention(this Film film, Func<Intention, Intention> configure) => film with { Intention = Guard.NotNull(configure, nameof(configure))(film.Intention) };

    /// <summary>Sets the charters: <c>c => c.Light(...).Texture(...).Palette(...).Prohibit(...)</c>.</summary>
    public static Film Charter(this Film film, Func<Charter, Charter> configure) => film with { Charter = Guard.NotNull(configure, nameof(configure))(film.Charter) };

    /// <summary>Adds character sheets to the cast.</summary>
    public static Film Cast(this Film film, params Character[] characters) => ShotSubjects.GiveWaiting(film with { Cast = film.Cast.AddRange(characters.Select(c => Guard.NotNull(c, nameof(characters)))) });

    /// <summary>Adds product sheets: what the film sells, locked in every shot that shows it.</summary>
    public static Film Products(this Film film, params Product[] products) => ShotSubjects.GiveWaiting(film with { Products = film.Products.AddRange(products.Select(p => Guard.NotNull(p, nameof(products)))) });

    /// <summary>Appends a shot to the timeline. A preset called without a subject takes the film's (<see cref="Rules.FilmSubjects"/>).</summary>
    public static Film Shot(this Film film, Shot shot) => film with { Shots = film.Shots.Add(ShotSubjects.Give(film, Guard.NotNull(shot, nameof(shot)))) };

    /// <summary>Appends shots to the timeline. A preset called without a subject takes the film's (<see cref="Rules.FilmSubjects"/>).</summary>
    public static Film Shots(this Film film, params Shot[] shots) => film with { Shots = film.Shots.AddRange(shots.Select(s => ShotSubjects.Give(film, Guard.NotNull(s, nameof(shots))))) };

    /// <summary>Sets the grade chain, in the method's order: <c>g => g.Exposure(0.2).SoftContrast(0.15)...</c>.</summary>
    public static Film Grade(this Film film, Func<GradeChain, GradeChain> configure) => film with { Grade = Guard.NotNull(configure, nameof(configure))(GradeChain.Empty) };

    /// <summary>Sets the sound mix: <c>s => s.Ambience(...).Effect(...)</c>.</summary>
    public static Film Sound(this Film film, Func<SoundMix, SoundMix> configure) => film with { Sound = Guard.NotNull(configure, nameof(configure))(SoundMix.Empty) };

    /// <summary>Sets the exports: <c>e => e.Master().Web().Mobile()</c>.</summary>
    public static Film Export(this Film film, Func<ExportSet, ExportSet> configure) => film with { Exports = Guard.NotNull(configure, nameof(configure))(ExportSet.Empty) };
}
