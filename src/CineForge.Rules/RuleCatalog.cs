using System;
using System.Collections.Generic;
using System.Linq;

namespace CineForge.Rules;

/// <summary>
/// The rule catalog of RULES.md. SDK validation, analyzers, runtime QA and docs all read this
/// table; no rule text or range is written anywhere else.
/// </summary>
public static class RuleCatalog
{
    private static readonly string Resolutions = string.Join(" or ", Recommended.KeyframeResolutions.Select(r => r.ToString()));
    private static readonly string Max = NumericRange.Format(Recommended.MaxClipSeconds);

    /// <summary>Every CF rule, ordered by id.</summary>
    public static readonly IReadOnlyList<Rule> All = new[]
    {
        // CF01 keyframe: "fixed keyframes before video"
        new Rule(RuleIds.CF0101, RuleSeverity.Error, "Shot has no fixed seed",
            "{0} has {1} seed: fix an explicit seed per shot so reruns give the same frames",
            "A character that changes between takes usually comes from an unstable seed. The method fixes one seed per shot; continuity and reproducibility both depend on it.",
            "Call .Seed(n) with a literal number on the shot (and on each variant that changes the seed)."),
        new Rule(RuleIds.CF0102, RuleSeverity.Warning, "Keyframe resolution off the starting settings",
            "{0} renders keyframes at {1}: use " + Resolutions,
            "The method locks the image first, at " + Resolutions + ": the resolutions diffusion models frame well and that downscale cleanly to the exports.",
            "Use Keyframe(k => k.Resolution(" + Recommended.KeyframeResolutions[0].Width + ", " + Recommended.KeyframeResolutions[0].Height + ")) or drop the call to keep the default."),
        new Rule(RuleIds.CF0103, RuleSeverity.Warning, "Steps outside the starting range",
            "{0} uses {1} steps: keep steps within " + Recommended.Steps,
            "Fewer steps leave noise in the keyframe; more steps cost time without adding credibility.",
            "Set Keyframe(k => k.Steps(n)) with n in " + Recommended.Steps + "."),
        new Rule(RuleIds.CF0104, RuleSeverity.Warning, "CFG outside the starting range",
            "{0} uses CFG {1}: keep CFG within " + Recommended.Cfg,
            "A high guidance scale gives the over-saturated, over-contrasted \"AI\" look; a low one drifts from the prompt.",
            "Set Keyframe(k => k.Cfg(x)) with x in " + Recommended.Cfg + "."),
        new Rule(RuleIds.CF0105, RuleSeverity.Info, "Sampler is not DPM++ 2M Karras",
            "{0} samples with {1}: the method starts from " + Recommended.DefaultSamplerName,
            "The method's starting settings use " + Recommended.DefaultSamplerName + "; changing the sampler changes the image in ways that are hard to compare.",
            "Use Keyframe(k => k.Sampler(Sampler." + Recommended.DefaultSampler + "))."),
        new Rule(RuleIds.CF0106, RuleSeverity.Warning, "img2img denoise outside the starting range",
            "{0} uses img2img denoise {1}: keep it within " + Recommended.Denoise + ", higher values change faces",
            "Denoise above " + NumericRange.Format(Recommended.Denoise.Max) + " re-invents the image and changes faces; below " + NumericRange.Format(Recommended.Denoise.Min) + " it corrects nothing.",
            "Use a denoise in " + Recommended.Denoise + "."),
        new Rule(RuleIds.CF0107, RuleSeverity.Error, "Shot without a subject",
            "{0} has no subject: {1} presets called without one take {2}, and the film has none",
            "The prompt starts from the subject. A preset called without one (Shot.TightPortrait()) takes it from the film when the shot is added; a shot left without any would render a random image.",
            "Give the preset its subject (Shot.TightPortrait(mara), Shot.ObjectDetail(\"amber glass dropper\")), or give the film what the preset takes: " + FilmSubjects.Describe(FilmSubject.Lead) + " for portraits and action shots, " + FilmSubjects.Describe(FilmSubject.BriefSubject) + " for ambience and details."),

        // CF02 motion: "controlled local animation"
        new Rule(RuleIds.CF0201, RuleSeverity.Error, "Clip longer than " + Max + " s",
            "{0} lasts {1} s, over the " + Max + " s maximum: generate short segments and edit them",
            "Generating too long (10 to 15 seconds at once) is the first beginner mistake: AI video stays stable for " + Recommended.ClipDuration + " s.",
            "Split the shot into two shots of at most " + Max + " s and cut between them."),
        new Rule(RuleIds.CF0202, RuleSeverity.Warning, "Duration outside the shot type's range",
            "{0} lasts {1} s, outside the {2} s range of a {3}",
            "Each shot type has its own stable duration: a tight portrait holds 3–4 s before the face drifts, a medium action needs 4–5 s for its gesture.",
            "Bring Duration(...) into the shot type's range (see the shot-type table)."),
        new Rule(RuleIds.CF0203, RuleSeverity.Warning, "fps is not " + Recommended.Fps,
            "{0} runs at {1} fps: use " + Recommended.Fps + " fps",
            Recommended.Fps + " fps is the cinema rhythm and the most stable base for the intention.",
            "Remove the Fps(...) call or use Fps(" + Recommended.Fps + ")."),
        new Rule(RuleIds.CF0204, RuleSeverity.Warning, "Motion strength outside the shot type's range",
            "{0} has motion strength {1}, outside the {2} range of a {3}: prefer sober inertia and a readable trajectory",
            "Too much movement (a demonstrative camera) is what makes AI video float; too little makes it a still.",
            "Bring Motion(...) into the shot type's range."),
        new Rule(RuleIds.CF0205, RuleSeverity.Warning, "Temporal consistency not high, or noise not low",
            "{0} asks for {1}: use high temporal consistency and low noise",
            "The method's safety rules for animation: temporal consistency high, noise low. Anything else shows as flicker and crawling texture.",
            "Use TemporalConsistency(Level.High) and Noise(Level.Low), or drop the calls to keep the defaults."),
        new Rule(RuleIds.CF0206, RuleSeverity.Warning, "Camera move fights the shot type",
            "{0} uses a {1} camera, which fights a {2} ({3})",
            "A tight portrait wants an almost fixed camera (face drift); a wide ambience limits the tracking shot (set geometry).",
            "Pick a camera move the shot type allows (see the shot-type table)."),

        // CF03 continuity
        new Rule(RuleIds.CF0301, RuleSeverity.Warning, "Character without a character sheet",
            "Character '{0}' appears in {1} but has no complete character sheet (missing {2})",
            "A badly locked character reads as fake casting: face and costume drift between shots. A constant character sheet (face, wardrobe, seed) fixes it.",
            "Declare Character.Sheet(name).Face(...).Wardrobe(...).Seed(n) and add it to the film with Cast(...)."),
        new Rule(RuleIds.CF0302, RuleSeverity.Warning, "Shot overrides a locked character descriptor",
            "{0} overrides the locked {1} of character '{2}'",
            "Character variations between shots give the perception of fake casting: the descriptors and the clothing stay locked in every prompt.",
            "Remove the override; change the character sheet itself if the character really changes."),
        new Rule(RuleIds.CF0303, RuleSeverity.Warning, "Cut changes too much at once",
            "The cut from {0} to {1} changes {2} of " + string.Join(", ", Continuity.Dimensions) + " ({3}): change at most " + Continuity.MaxChangesPerCut,
            "Between two consecutive shots, if three of gaze axis, light direction, grain density, contrast level and apparent speed change together, the cut reads as fake.",
            "Keep at least three of the five dimensions constant across the cut."),
        new Rule(RuleIds.CF0304, RuleSeverity.Warning, "No dominant light, or light against the charter",
            "{0} has {1}: every shot needs one dominant light source that agrees with the lighting charter",
            "A stable, motivated light is on the publication checklist; contradictory lights are a reason to reject a take.",
            "Give the charter a Light(direction, ...) and keep each shot's Light(...) consistent with it."),
        new Rule(RuleIds.CF0305, RuleSeverity.Warning, "Shot describes the product against its sheet",
            "{0} describes product '{1}' {2}: show the product's sheet, whose descriptors stay locked in every shot",
            "The product is the ad's character: described anew in each shot's words, its colour, shape and reflections drift between the hook and the call to action, and the viewer sees two products. A constant product sheet, injected into every prompt that shows it, fixes it as the character sheet fixes a face.",
            "Show the sheet instead of describing it: Shot.ObjectDetail(product), Shot.MediumAction(character, product, \"...\") or .Showing(product); change the sheet itself if the product really changes."),
        new Rule(RuleIds.CF0306, RuleSeverity.Warning, "Ad without a product sheet",
            "{0} is an ad without a product sheet: each shot describes the product anew",
            "An ad sells one product, and quality control asks for the same bottle, the same colour and the same reflections in every shot: that needs the product locked like the cast.",
            "Declare Product.Sheet(name).Material(...).Colour(...).Shape(...).Label(...).Finish(...).Highlight(...).Seed(n), add it with Products(...), and show it in the product shots."),

        // CF04 selection
        new Rule(RuleIds.CF0401, RuleSeverity.Warning, "More than two versions kept",
            "{0} keeps {1} versions: keep A, plus B at most",
            "The best quality gain comes from selection discipline: one version A, one version B at most.",
            "Keep a single Variant(\"B\", ...) per shot."),
        new Rule(RuleIds.CF0402, RuleSeverity.Warning, "A/B variants differ in more than one variable",
            "{0}: variant {1} changes {2} variables ({3}): change one variable per iteration",
            "Testing everything at the same time makes diagnosis impossible: one variable per iteration.",
            "Make the variant change a single setting."),
        new Rule(RuleIds.CF0403, RuleSeverity.Info, "More than two correction passes",
            "{0} has {1} correction passes: after " + Recommended.MaxCorrectionPasses + " passes with a major defect, reject the shot",
            "The rejection rule: if a major defect remains after two passes, reject instead of saving a mediocre shot.",
            "Keep at most " + Recommended.MaxCorrectionPasses + " Correct(...) passes, or regenerate the shot."),

        // CF05 story
        new Rule(RuleIds.CF0501, RuleSeverity.Warning, "Shot has no mission",
            "{0} has no mission: give every shot a narrative role",
            "Beautiful shots, empty film: each shot must have a mission.",
            "Call .Mission(Beat.Setup) (or Tension, Decision, Consequence, CallToAction, or a described role)."),
        new Rule(RuleIds.CF0502, RuleSeverity.Warning, "Narrative arc missing or out of order",
            "{0} lacks setup → tension → decision → consequence in that order ({1})",
            "The recommended structure of narrative editing: setup, tension, decision, consequence.",
            "Give the shots missions that follow setup → tension → decision → consequence."),
        new Rule(RuleIds.CF0503, RuleSeverity.Warning, "Fewer than " + Recommended.MinShots + " shots",
            "{0} has {1} shot(s): publish at least " + Recommended.MinShots + " consistent shots",
            "The publication checklist starts with three minimum consistent shots.",
            "Add shots until the film has at least " + Recommended.MinShots + "."),
        new Rule(RuleIds.CF0504, RuleSeverity.Warning, "Brief incomplete",
            "{0} has an incomplete brief: missing {1}",
            "Start with the intention, not the tool: the 12-line mini brief and the 5 intention answers. If they are vague, the render will be too.",
            "Fill in Brief(b => ...) and Intention(i => ...) completely."),
        new Rule(RuleIds.CF0505, RuleSeverity.Info, "Pitch too long to tell in " + NumericRange.Format(Recommended.PitchSeconds) + " seconds",
            "{0} takes about {1} s to pitch (logline, arc, shot list, charters): it must tell in " + NumericRange.Format(Recommended.PitchSeconds) + " s",
            "The one-page pre-production document must be explainable to someone in 90 seconds; if not, the project is still vague.",
            "Shorten the logline and the descriptions until the pitch fits in " + Recommended.PitchMaxWords + " words."),
        new Rule(RuleIds.CF0506, RuleSeverity.Warning, "Ad without a call-to-action shot",
            "{0} is an ad without a call-to-action shot",
            "A clear narrative CTA is on the publication checklist of every ad.",
            "Add a last shot with .Mission(Beat.CallToAction)."),
        new Rule(RuleIds.CF0507, RuleSeverity.Info, "Monotonous rhythm",
            "{0} has every shot at {1} s: alternate short shots and breathing shots",
            "A monotonous rhythm flattens the emotion: alternate short shots and breathing shots.",
            "Vary the shot durations within each shot type's range."),

        // CF06 grade
        new Rule(RuleIds.CF0601, RuleSeverity.Error, "LUT or look before exposure",
            "{0} applies a {1} before exposure correction: correct the light before the style",
            "LUT before light gives an artificial look: correct the lighting geometry before the style.",
            "Put Exposure(...) first and the LUT or look after it."),
        new Rule(RuleIds.CF0602, RuleSeverity.Warning, "Grade steps out of order",
            "{0} grades {1} before {2}: the order is " + GradeOrder.Describe(),
            "The realistic grade has one order: " + GradeOrder.Describe() + ".",
            "Reorder the grade chain."),
        new Rule(RuleIds.CF0603, RuleSeverity.Warning, "Sharpen applied",
            "{0} applies sharpen: remove it and preserve the midtones",
            "Too much sharpness gives a video-game render; the image looks too digital.",
            "Remove Sharpen(...); add a subtle homogeneous grain instead."),
        new Rule(RuleIds.CF0604, RuleSeverity.Warning, "Look too heavy, or stacked effects",
            "{0} has {1}: keep a sober primary correction and a light final look",
            "Too many grading effects give a \"social preset\" impression.",
            "Keep one LUT or look at a strength of at most " + NumericRange.Format(Recommended.MaxLookStrength) + ", and each step once."),
        new Rule(RuleIds.CF0605, RuleSeverity.Info, "Distribution export without grain or headroom",
            "{0} exports {1} without {2}: compression eats fine texture",
            "Badly anticipated compression: uploads destroy fine textures. Keep headroom on the highlights and a subtle grain.",
            "Add Grain(...) to the grade and keep the distribution exports' highlight headroom."),
        new Rule(RuleIds.CF0606, RuleSeverity.Warning, "Look without harmonization first",
            "{0} applies a {1} without harmonizing first: neutralize casts before the look",
            "Neglected colour continuity: one shot pulls cyan, the other magenta. Neutralize first, look next.",
            "Add Harmonize() before the LUT or look."),
        new Rule(RuleIds.CF0607, RuleSeverity.Error, "LUT file unusable",
            "{0} names the LUT '{1}', which {2}",
            "A grade that fails after the shots are rendered wastes the render: the LUT is an input with a contract, checked before any work.",
            "Point Lut(...) at a readable 3D .cube file (LUT_3D_SIZE 2 to 256, N³ rows of three numbers), relative to the film's folder.",
            RuleScope.Assets),

        // CF07 sound
        new Rule(RuleIds.CF0701, RuleSeverity.Warning, "Ambience not at " + NumericRange.Format(Loudness.Ambience) + " LUFS",
            "{0} sets the ambience at {1} LUFS: lay it at " + NumericRange.Format(Loudness.Ambience) + " LUFS (±" + NumericRange.Format(Loudness.Tolerance) + ")",
            "The sound base: ambience at " + NumericRange.Format(Loudness.Ambience) + " LUFS, laid from the rough cut.",
            "Use Ambience(path) with its default level, or lufs: " + NumericRange.Format(Loudness.Ambience) + ".",
            RuleScope.Compile | RuleScope.Run | RuleScope.Measured),
        new Rule(RuleIds.CF0702, RuleSeverity.Warning, "Punctual effect off target",
            "{0} sets effect '{1}' at {2} LUFS: keep punctual effects within " + NumericRange.Format(Loudness.Effects.Min) + " to " + NumericRange.Format(Loudness.Effects.Max) + " LUFS",
            "The sound base: punctual effects at " + NumericRange.Format(Loudness.Effects.Min) + "/" + NumericRange.Format(Loudness.Effects.Max) + " LUFS, above the ambience, below a shout.",
            "Give Effect(...) a lufs within " + Loudness.Effects + ".",
            RuleScope.Compile | RuleScope.Run | RuleScope.Measured),
        new Rule(RuleIds.CF0703, RuleSeverity.Warning, "No ambience or room tone",
            "{0} has no ambience or room tone in the mix",
            "Sound added at the last moment breaks the rhythm: lay the room tone from the rough cut. Generic library sound looks stock.",
            "Add Ambience(path) or RoomTone() to Sound(...)."),
        new Rule(RuleIds.CF0704, RuleSeverity.Warning, "Music louder than its bed",
            "{0} sets music at {1} LUFS, not below the {2} LUFS bed it supports",
            "Music is support, not camouflage: it sits under the ambience and effects.",
            "Lower the music's lufs below the ambience (the default is " + NumericRange.Format(Loudness.MusicBelowBed) + " LU under it).",
            RuleScope.Compile | RuleScope.Run | RuleScope.Measured),
        new Rule(RuleIds.CF0705, RuleSeverity.Error, "Sound file unusable",
            "{0} names the {1} '{2}', which {3}",
            "Sound is laid from the rough cut, so a missing or broken file must stop the film before the render, not after it: a file too short to measure cannot be brought to its loudness target, and a short bed loops audibly.",
            "Point the stem at a readable audio file, relative to the film's folder: an effect of at least " + NumericRange.Format(Loudness.ShortestMeasurable) + " s, an ambience or music bed of at least " + NumericRange.Format(Loudness.ShortestLoop) + " s.",
            RuleScope.Assets),

        // CF08 export
        new Rule(RuleIds.CF0801, RuleSeverity.Warning, "No distribution export",
            "{0} has no mobile (9:16) distribution export",
            "A shot is ready when it stays credible full screen and on mobile: a validated mobile version is on the checklist.",
            "Add .Web() and .Mobile() to Export(...)."),
        new Rule(RuleIds.CF0802, RuleSeverity.Warning, "No master export",
            "{0} has no master export",
            "The render pipeline ends on a master export, then distribution exports; the archived source is on the checklist.",
            "Add .Master() to Export(...)."),
    };

    private static readonly Dictionary<string, Rule> ById = All.ToDictionary(r => r.Id, StringComparer.Ordinal);

    /// <summary>The rule with id <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such rule.</exception>
    public static Rule Get(string id) => ById.TryGetValue(id, out var rule) ? rule : throw new KeyNotFoundException("Unknown CineForge rule id '" + id + "'.");

    /// <summary>True when <paramref name="id"/> names a rule.</summary>
    public static bool Contains(string id) => ById.ContainsKey(id);

    /// <summary>The rules of one family.</summary>
    public static IEnumerable<Rule> InFamily(RuleFamily family) => All.Where(r => r.Family == family);
}
