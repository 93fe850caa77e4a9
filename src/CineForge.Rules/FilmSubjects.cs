namespace CineForge.Rules;

/// <summary>Where a shot preset called without a subject takes one from its film (CF0107).</summary>
public enum FilmSubject
{
    /// <summary>The cast's lead: the first character sheet given to <c>Cast(...)</c>.</summary>
    Lead,

    /// <summary>The brief's subject line: <c>Brief(b => b.Subject(...))</c>.</summary>
    BriefSubject,
}

/// <summary>
/// The one table of which film part a subject-less preset takes: the character presets take the
/// cast's lead, the others the brief's subject. The SDK fills shots from it and the analyzers
/// read it, so both agree on what a shot shows.
/// </summary>
public static class FilmSubjects
{
    /// <summary>What a <paramref name="type"/> preset called without a subject takes from its film.</summary>
    public static FilmSubject For(ShotType type) => type is ShotType.TightPortrait or ShotType.MediumAction ? FilmSubject.Lead : FilmSubject.BriefSubject;

    /// <summary>
    /// True when a <paramref name="type"/> preset called without a subject shows the film's product
    /// (the first of <c>Products(...)</c>) before anything else: the object detail, the product shot of an ad.
    /// </summary>
    public static bool TakesProduct(ShotType type) => type == ShotType.ObjectDetail;

    /// <summary>"the cast's lead (Cast(...))": the message part of CF0107.</summary>
    public static string Describe(FilmSubject source) => source == FilmSubject.Lead
        ? "the cast's lead (Cast(...))"
        : "the brief's subject (Brief(b => b.Subject(...)))";
}
