# Generates tests/CineForge.Analyzers.Tests/<Family>/CFxxxx...Tests.cs from the cases below.
# Each rule: a flagged film (markup), the clean film, and a film whose value is not a constant.
import os, textwrap
CLEAN = '''var ada = Character.Sheet("Ada").Face("forties, short grey hair").Wardrobe("green wool coat").Seed(11);
Func<Shot, Shot> keep = s => s;
return Film.Titled("Clean")
    .Logline("A woman waits for a letter and finally opens it.")
    .Arc("anxious", "relieved")
    .Brief(b => b.Subject("a woman and a letter").Emotion("anxiety, then relief").Place("hallway of an old flat")
        .Time(TimeOfDay.Morning).Weather(Weather.Overcast).ShotType(ShotType.TightPortrait).FocalLength(50)
        .CameraMovement(Camera.Static).Palette("green, cream").Texture("paper, wool, fine grain")
        .Prohibition("plastic skin").Role("one small relief"))
    .Intention(i => i.Feels("afraid of the news").ViewerUnderstands("the letter is good news")
        .DominantLight("window light from camera left").PlausibleCamera("almost fixed").EmotionalDetail("her thumb on the seal"))
    .Charter(c => c.Light(LightDirection.Left, "soft window light").Texture("fine grain").Palette("green, cream").Prohibit("lens flare"))
    .Cast(ada)
    .Shot(Shot.WideAmbience("hallway with a letter on the mat", ada).Named("hallway").Mission(Beat.Setup).Duration(4).Motion(0.3).Seed(1))
    .Shot(Shot.TightPortrait(ada).Named("waits").Mission(Beat.Tension).Duration(3.5).Motion(0.35).Seed(2))
    .Shot(Shot.MediumAction(ada, "tears the envelope open").Named("opens").Mission(Beat.Decision).Duration(4.5).Motion(0.42).Seed(3))
    .Shot(Shot.ObjectDetail("handwritten letter on cream paper").Named("letter").Mission(Beat.Consequence).Duration(3).Motion(0.3).Seed(4))
    .Grade(g => g.Exposure(0.1).SoftContrast(0.15).SecondarySkin().Harmonize().Grain(0.04))
    .Sound(s => s.RoomTone().Effect("assets/paper.wav", at: 12, lufs: -16))
    .Export(e => e.Master().Web().Mobile());'''
WAITS = 'Shot.TightPortrait(ada).Named("waits").Mission(Beat.Tension).Duration(3.5).Motion(0.35).Seed(2)'
LONG = ' '.join(['word'] * 230)
GRADE = 'g.Exposure(0.1).SoftContrast(0.15).SecondarySkin().Harmonize().Grain(0.04)'
SOUND = 's.RoomTone().Effect("assets/paper.wav", at: 12, lufs: -16)'
N = 'Environment.ProcessorCount'

def waits(tail_flag, tail_plain):
    return [(WAITS, WAITS + tail_flag)], [(WAITS, WAITS + tail_plain)]

R = []
def rule(id, family, name, flagged, nonconst, flagged_name, extra=''):
    R.append((id, family, name, flagged, nonconst, flagged_name, extra))

rule('CF0101', 'Keyframe', 'NoFixedSeed', [(WAITS, '{|CF0101:' + WAITS[:-len('.Seed(2)')] + '|}')], [('.Seed(2)', '.Seed(%s)' % N)], 'ShotWithoutSeed_ReportsCF0101',
     extra='''
    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task SeedFromRandom_ReportsCF0101(SourceKind kind) => Verify.VerifyAsync("""
        return Shot.TightPortrait("a tired nurse").{|CF0101:Seed(new Random().Next())|};
        """, kind);

    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task PresetWithoutArgument_WithoutSeed_ReportsCF0101(SourceKind kind) => Verify.VerifyAsync("""
        var mara = Character.Sheet("Mara").Face("early thirties, freckles").Wardrobe("ochre linen shirt").Seed(1207);
        return Film.Titled("Card").Cast(mara)
            .Shot(Shot.TightPortrait().Duration(3.5).Motion(0.35).Seed(42))
            .Shot({|CF0101:Shot.ObjectDetail().Duration(3).Motion(0.3)|})
            .Brief(b => b.Subject("amber serum bottle"));
        """, kind);
''')
rule('CF0102', 'Keyframe', 'ResolutionOffStart', *waits('.Keyframe(k => k.{|CF0102:Resolution(1280, 720)|})', '.Keyframe(k => k.Resolution(1280, %s))' % N), 'ConstantResolution1280x720_ReportsCF0102')
rule('CF0103', 'Keyframe', 'StepsOutOfRange', *waits('.Keyframe(k => k.{|CF0103:Steps(80)|})', '.Keyframe(k => k.Steps(%s * 20))' % N), 'ConstantSteps80_ReportsCF0103')
rule('CF0104', 'Keyframe', 'CfgOutOfRange', *waits('.Keyframe(k => k.{|CF0104:Cfg(12)|})', '.Keyframe(k => k.Cfg(%s))' % N), 'ConstantCfg12_ReportsCF0104')
rule('CF0105', 'Keyframe', 'SamplerNotDpm', *waits('.Keyframe(k => k.{|CF0105:Sampler(Sampler.Euler)|})', '.Keyframe(k => k.Sampler((Sampler)%s))' % N), 'EulerSampler_ReportsCF0105')
rule('CF0106', 'Keyframe', 'DenoiseOutOfRange', *waits('.{|CF0106:Correct(0.7)|}', '.Correct(%s / 10.0)' % N), 'ConstantDenoise07_ReportsCF0106')
LETTER = 'Shot.ObjectDetail("handwritten letter on cream paper").Named("letter").Mission(Beat.Consequence).Duration(3).Motion(0.3).Seed(4)'
rule('CF0107', 'Keyframe', 'ShotWithoutSubject', [('b.Subject("a woman and a letter").', 'b.'), (LETTER, '{|CF0107:' + LETTER.replace('("handwritten letter on cream paper")', '()') + '|}')],
     [(WAITS, WAITS.replace('TightPortrait(ada)', 'TightPortrait()')), ('.Cast(ada)', '.Cast(Environment.ProcessorCount > 64 ? new[] { ada } : new Character[0])')], 'DetailWithoutBriefSubject_ReportsCF0107',
     extra='''
    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task PortraitWithoutCast_ReportsCF0107(SourceKind kind) => Verify.VerifyAsync("""
        return Film.Titled("Card").Shot({|CF0107:Shot.TightPortrait().Duration(3.5).Motion(0.35).Seed(42)|});
        """, kind);

    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task PresetsTakeTheLeadAndTheBriefSubject_EvenWhenGivenAfterTheShots(SourceKind kind) => Verify.VerifyAsync("""
        var mara = Character.Sheet("Mara").Face("early thirties, freckles").Wardrobe("ochre linen shirt").Seed(1207);
        return Film.Titled("Card")
            .Shot(Shot.TightPortrait().Duration(3.5).Motion(0.35).Seed(42))
            .Shot(Shot.MediumAction().Action("opens the window").Seed(43))
            .Shot(Shot.ObjectDetail().Seed(44))
            .Shot(Shot.WideAmbience().Seed(45))
            .Cast(mara)
            .Brief(b => b.Subject("amber serum bottle"));
        """, kind);

    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task PresetFeaturingItsOwnCharacter_NoDiagnostic(SourceKind kind) => Verify.VerifyAsync("""
        var mara = Character.Sheet("Mara").Face("early thirties, freckles").Wardrobe("ochre linen shirt").Seed(1207);
        return Film.Titled("Card").Shot(Shot.TightPortrait().Featuring(mara).Seed(42));
        """, kind);
''')
rule('CF0201', 'Motion', 'ClipTooLong', [('.Duration(4.5)', '.{|CF0201:Duration(2 + 4)|}')], [('.Duration(4.5)', '.Duration(%s)' % N)], 'ConstantDurationAbove5s_ReportsCF0201',
     extra='''
    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task BareStatement_ReportsCF0201(SourceKind kind) => Verify.VerifyAsync("""
        Shot.TightPortrait("a tired nurse").{|CF0201:Duration(6)|};
        return null;
        """, kind);

    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task DesignCardChain_WithoutArgument_ReportsCF0201(SourceKind kind) => Verify.VerifyAsync("""
        Shot.TightPortrait().{|CF0201:Duration(7)|}.Motion(0.35).Seed(42);
        return Film.Titled("Card").Shot(Shot.TightPortrait().{|CF0201:Duration(7)|}.Motion(0.35).Seed(42));
        """, kind);

    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task VariantDurationAbove5s_ReportsCF0201(SourceKind kind) => Verify.VerifyAsync("""
        return Shot.TightPortrait("a tired nurse").Seed(1).Variant("B", v => v.{|CF0201:Duration(7)|});
        """, kind);
''')
rule('CF0202', 'Motion', 'DurationOutsideShotType', [('.Duration(3.5)', '.{|CF0202:Duration(4.5)|}')], [('.Duration(3.5)', '.Duration(%s)' % N)], 'PortraitOf4_5s_ReportsCF0202',
     extra='''
    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task ShotTypeFromVariable_ReportsCF0202(SourceKind kind) => Verify.VerifyAsync("""
        var portrait = Shot.TightPortrait("a tired nurse").Seed(1);
        return portrait.{|CF0202:Duration(4.5)|};
        """, kind);
''')
rule('CF0203', 'Motion', 'FpsNot24', *waits('.{|CF0203:Fps(30)|}', '.Fps(%s)' % N), 'Fps30_ReportsCF0203')
rule('CF0204', 'Motion', 'MotionOutsideShotType', [('.Motion(0.35)', '.{|CF0204:Motion(0.45)|}')], [('.Motion(0.35)', '.Motion(%s / 10.0)' % N)], 'PortraitMotion045_ReportsCF0204')
rule('CF0205', 'Motion', 'TemporalConsistencyOrNoise', *waits('.{|CF0205:Noise(Level.Medium)|}', '.Noise((Level)%s)' % N), 'MediumNoise_ReportsCF0205')
rule('CF0206', 'Motion', 'CameraFightsShotType', *waits('.{|CF0206:Camera(Camera.Handheld)|}', '.Camera((Camera)%s)' % N), 'HandheldPortrait_ReportsCF0206')
rule('CF0301', 'Continuity', 'CharacterWithoutSheet', [(WAITS, '{|CF0301:' + WAITS.replace('TightPortrait(ada)', 'TightPortrait(Character.Sheet("Bo").Face("twenties"))') + '|}')],
     [(WAITS, WAITS.replace('TightPortrait(ada)', 'TightPortrait(Character.Sheet(Environment.UserName).Face("twenties"))'))], 'UncastIncompleteCharacter_ReportsCF0301',
     extra='''
    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task SheetDeclaredInOneStatement_IsReadInEveryShot(SourceKind kind) => Verify.VerifyAsync("""
        var bo = Character.Sheet("Bo").Face("twenties");
        return Film.Titled("Two").Cast(bo).Charter(c => c.Light(LightDirection.Left, "window light"))
            .Shot({|CF0301:Shot.TightPortrait(bo).Seed(1).Mission(Beat.Setup)|})
            .Shot({|CF0301:Shot.MediumAction(bo, "runs").Seed(2).Mission(Beat.Tension)|});
        """, kind);
''')
rule('CF0302', 'Continuity', 'OverridesLockedDescriptor', [(WAITS, '{|CF0302:' + WAITS + '.Wearing("red dress")|}')], [(WAITS, WAITS.replace('TightPortrait(ada)', 'TightPortrait(pick(ada))') + '.Wearing("red dress")'), ('Func<Shot, Shot> keep', 'Func<Character, Character> pick = c => c;\nFunc<Shot, Shot> keep')], 'WardrobeOverride_ReportsCF0302')
rule('CF0303', 'Continuity', 'CutChangesTooMuch',
     [('.Seed(1))', '.Seed(1).Gaze(GazeAxis.Left).Contrast(Level.Low).Grain(0.02))'), (WAITS, '{|CF0303:' + WAITS + '.Gaze(GazeAxis.Right).Contrast(Level.High).Grain(0.1)|}')],
     [('.Seed(1))', '.Seed(1).Gaze(GazeAxis.Left).Contrast(Level.Low).Grain(0.02))'), (WAITS, WAITS + '.Gaze((GazeAxis)%s).Contrast(Level.High).Grain(0.1)' % N)], 'ThreeDimensionsChange_ReportsCF0303')
rule('CF0304', 'Continuity', 'LightAgainstCharter', [(WAITS, '{|CF0304:' + WAITS + '.Light(LightDirection.Right)|}')], [(WAITS, WAITS + '.Light((LightDirection)%s)' % N)], 'LightAgainstCharter_ReportsCF0304')
NOTE = 'var note = Product.Sheet("Stationery").Material("laid paper").Colour("cream").Shape("sheet of paper").Seed(5);\n'
rule('CF0305', 'Continuity', 'ProductAgainstSheet', [('Func<Shot, Shot> keep', NOTE + 'Func<Shot, Shot> keep'), ('.Cast(ada)', '.Cast(ada).Products(note)'), (LETTER, '{|CF0305:' + LETTER + '|}')],
     [('Func<Shot, Shot> keep', NOTE.replace('Sheet("Stationery")', 'Sheet(Environment.UserName)') + 'Func<Shot, Shot> keep'), ('.Cast(ada)', '.Cast(ada).Products(note)')], 'PaperDescribedInItsOwnWords_ReportsCF0305',
     extra='''
    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task ShotsShowingTheSheet_NoDiagnostic(SourceKind kind) => Verify.VerifyAsync(
        CleanFilm.With(
            ("Func<Shot, Shot> keep", "var note = Product.Sheet(\\"Stationery\\").Colour(\\"cream\\").Shape(\\"sheet of paper\\").Seed(5);\\nFunc<Shot, Shot> keep"),
            (".Cast(ada)", ".Cast(ada).Products(note)"),
            ("Shot.MediumAction(ada, \\"tears the envelope open\\")", "Shot.MediumAction(ada, note, \\"tears the letter open\\")"),
            ("Shot.ObjectDetail(\\"handwritten letter on cream paper\\")", "Shot.ObjectDetail(note)")),
        kind);

    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task ActionNamingTheProductWithoutItsSheet_ReportsCF0305(SourceKind kind) => Verify.VerifyAsync(
        CleanFilm.With(
            ("Func<Shot, Shot> keep", "var note = Product.Sheet(\\"Note\\").Colour(\\"cream\\").Shape(\\"folded card\\").Seed(5);\\nFunc<Shot, Shot> keep"),
            (".Cast(ada)", ".Cast(ada).Products(note)"),
            ("Shot.MediumAction(ada, \\"tears the envelope open\\").Named(\\"opens\\").Mission(Beat.Decision).Duration(4.5).Motion(0.42).Seed(3)", "{|CF0305:Shot.MediumAction(ada, \\"unfolds the cream card\\").Named(\\"opens\\").Mission(Beat.Decision).Duration(4.5).Motion(0.42).Seed(3)|}")),
        kind);

    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task ShotChangingALockedPart_ReportsCF0305(SourceKind kind) => Verify.VerifyAsync(
        CleanFilm.With(
            ("Func<Shot, Shot> keep", "var note = Product.Sheet(\\"Stationery\\").Colour(\\"cream\\").Shape(\\"sheet of paper\\").Seed(5);\\nFunc<Shot, Shot> keep"),
            (".Cast(ada)", ".Cast(ada).Products(note)"),
            ("Shot.ObjectDetail(\\"handwritten letter on cream paper\\")", "{|CF0305:Shot.ObjectDetail(note.Colour(\\"white\\"))"),
            (".Seed(4))", ".Seed(4)|})")),
        kind);

    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task ObjectDetailWithoutArgument_TakesTheFilmsProduct(SourceKind kind) => Verify.VerifyAsync(
        CleanFilm.With(
            ("Func<Shot, Shot> keep", "var note = Product.Sheet(\\"Stationery\\").Colour(\\"cream\\").Shape(\\"sheet of paper\\").Seed(5);\\nFunc<Shot, Shot> keep"),
            (".Cast(ada)", ".Cast(ada).Products(note)"),
            ("Shot.ObjectDetail(\\"handwritten letter on cream paper\\")", "Shot.ObjectDetail().Action(\\"the letter lies open on the mat\\")")),
        kind);
''')
rule('CF0306', 'Continuity', 'AdWithoutProductSheet', [('.Arc(', '.Format(Format.{|CF0306:Ad("Try it.")|})\n    .Arc(')],
     [('.Arc(', '.Format(Environment.ProcessorCount > 0 ? Format.Ad("Try it.") : Format.Short())\n    .Arc(')], 'AdWithoutProductSheet_ReportsCF0306',
     extra='''
    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task AdWithAProductSheet_NoDiagnostic(SourceKind kind) => Verify.VerifyAsync(
        CleanFilm.With(
            (".Arc(", ".Format(Format.Ad(\\"Try it.\\"))\\n    .Arc("),
            ("Func<Shot, Shot> keep", "var note = Product.Sheet(\\"Card\\").Colour(\\"cream\\").Shape(\\"greeting card\\").Seed(5);\\nFunc<Shot, Shot> keep"),
            (".Cast(ada)", ".Cast(ada).Products(note)")),
        kind);
''')
rule('CF0401', 'Selection', 'MoreThanTwoVersions', *waits('.Variant("B", v => v.Seed(5)).{|CF0401:Variant("C", v => v.Seed(6))|}', '.Variant("C", v => v.Seed(6))'), 'ThreeVersions_ReportsCF0401')
R[-1] = R[-1][:4] + ([(WAITS, 'keep(' + WAITS + '.Variant("B", v => v.Seed(5))).Variant("C", v => v.Seed(6))')],) + R[-1][5:]
rule('CF0402', 'Selection', 'VariantChangesMoreThanOne', *waits('.{|CF0402:Variant("B", v => v.Seed(5).Cfg(5))|}', '.Variant(Environment.UserName, v => v.Seed(5).Cfg(5))'), 'TwoVariables_ReportsCF0402')
rule('CF0403', 'Selection', 'TooManyCorrectionPasses', *waits('.Correct(0.3).Correct(0.3).{|CF0403:Correct(0.3)|}', '.Correct(0.3)'), 'ThreePasses_ReportsCF0403')
R[-1] = R[-1][:4] + ([(WAITS, 'keep(' + WAITS + '.Correct(0.3).Correct(0.3)).Correct(0.3)')],) + R[-1][5:]
STAMP = 'Shot.ObjectDetail("stamp on the envelope").Seed(5).Duration(2.5)'
rule('CF0501', 'Story', 'ShotWithoutMission', [('.Grade(', '.Shot({|CF0501:' + STAMP + '|})\n    .Grade(')], [('.Grade(', '.Shot(keep(' + STAMP + '))\n    .Grade(')], 'ShotWithoutMission_ReportsCF0501')
rule('CF0502', 'Story', 'ArcOutOfOrder', [('Mission(Beat.Consequence)', 'Mission(Beat.Tension)'), ('Film.Titled("Clean")', 'Film.{|CF0502:Titled("Clean")|}')], [('Mission(Beat.Consequence)', 'Mission((Beat)%s)' % N)], 'ArcWithoutConsequence_ReportsCF0502')
rule('CF0503', 'Story', 'TooFewShots', [('Film.Titled("Clean")', 'Film.{|CF0502:{|CF0503:Titled("Clean")|}|}'), ('    .Shot(Shot.MediumAction(ada, "tears the envelope open").Named("opens").Mission(Beat.Decision).Duration(4.5).Motion(0.42).Seed(3))\n', ''), ('    .Shot(Shot.ObjectDetail("handwritten letter on cream paper").Named("letter").Mission(Beat.Consequence).Duration(3).Motion(0.3).Seed(4))\n', '')],
     [('.Cast(ada)', '.Cast(ada)\n    .Shots(Enumerable.Repeat(Shot.ObjectDetail("dust").Seed(9).Mission(Beat.Setup), %s).ToArray())' % N)], 'TwoShots_ReportsCF0503')
rule('CF0504', 'Story', 'BriefIncomplete', [('.Weather(Weather.Overcast)', ''), ('Film.Titled("Clean")', 'Film.{|CF0504:Titled("Clean")|}')], [('.Brief(b => b.Subject', '.Brief(b => fill(b))\n    .Brief(b => b.Subject'), ('.Weather(Weather.Overcast)', ''), ('Func<Shot, Shot> keep', 'Func<Brief, Brief> fill = b => b;\nFunc<Shot, Shot> keep')], 'BriefWithoutWeather_ReportsCF0504')
rule('CF0505', 'Story', 'PitchTooLong', [('"A woman waits for a letter and finally opens it."', '"%s"' % LONG), ('Film.Titled("Clean")', 'Film.{|CF0505:Titled("Clean")|}')], [('"A woman waits for a letter and finally opens it."', '"%s" + Environment.UserName' % LONG)], 'LoglineOf230Words_ReportsCF0505')
rule('CF0506', 'Story', 'AdWithoutCta', [('.Arc(', '.Format(Format.{|CF0506:Ad("Try it.")|})\n    .Arc(')], [('.Arc(', '.Format(Format.Ad("Try it."))\n    .Arc('), ('Mission(Beat.Consequence)', 'Mission((Beat)%s)' % N)], 'AdWithoutCallToAction_ReportsCF0506')
rule('CF0507', 'Story', 'MonotonousRhythm', [('.Duration(3.5)', '.Duration(4)'), ('.Duration(4.5)', '.Duration(4)'), ('.Duration(3)', '.Duration(4)'), ('Film.Titled("Clean")', 'Film.{|CF0507:Titled("Clean")|}')], [('.Duration(3.5)', '.Duration(4)'), ('.Duration(4.5)', '.Duration(4)'), ('.Duration(3)', '.Duration(%s)' % N)], 'EveryShotAt4s_ReportsCF0507')
rule('CF0601', 'Grade', 'LutBeforeExposure', [(GRADE, 'g.SoftContrast().SecondarySkin().Harmonize().{|CF0601:Look("warm")|}.Grain()')], [('.Grade(g => ' + GRADE + ')', '.Grade(warm)'), ('Func<Shot, Shot> keep', 'Func<GradeChain, GradeChain> warm = g => g.SoftContrast().SecondarySkin().Harmonize().Look("warm").Grain();\nFunc<Shot, Shot> keep')], 'LookWithoutExposure_ReportsCF0601')
rule('CF0602', 'Grade', 'GradeOutOfOrder', [(GRADE, 'g.Exposure(0.1).SecondarySkin().{|CF0602:SoftContrast()|}.Harmonize().Grain()')], [('.Grade(g => ' + GRADE + ')', '.Grade(order)'), ('Func<Shot, Shot> keep', 'Func<GradeChain, GradeChain> order = g => g.Exposure(0.1).SecondarySkin().SoftContrast().Harmonize().Grain();\nFunc<Shot, Shot> keep')], 'ContrastAfterSkin_ReportsCF0602')
rule('CF0603', 'Grade', 'SharpenApplied', [(GRADE, GRADE + '.{|CF0603:Sharpen(0.3)|}')], [('.Grade(g => ' + GRADE + ')', '.Grade(sharp)'), ('Func<Shot, Shot> keep', 'Func<GradeChain, GradeChain> sharp = g => g.Exposure(0.1).Sharpen(0.3);\nFunc<Shot, Shot> keep')], 'Sharpen_ReportsCF0603')
rule('CF0604', 'Grade', 'LookTooHeavy', [('.Harmonize().Grain(0.04)', '.Harmonize().{|CF0604:Look("teal orange", 0.9)|}.Grain(0.04)')], [('.Harmonize().Grain(0.04)', '.Harmonize().Look("teal orange", %s / 10.0).Grain(0.04)' % N)], 'LookAtStrength09_ReportsCF0604')
rule('CF0605', 'Grade', 'ExportWithoutHeadroom', [('e.Master().Web().Mobile()', 'e.Master().{|CF0605:Web(headroom: false)|}.Mobile()')], [('e.Master().Web().Mobile()', 'e.Master().Web(headroom: %s > 1000).Mobile()' % N)], 'WebWithoutHeadroom_ReportsCF0605')
rule('CF0606', 'Grade', 'LookBeforeHarmonize', [(GRADE, 'g.Exposure(0.1).SoftContrast().SecondarySkin().{|CF0606:Look("warm")|}.Harmonize().Grain()')], [('.Grade(g => ' + GRADE + ')', '.Grade(early)'), ('Func<Shot, Shot> keep', 'Func<GradeChain, GradeChain> early = g => g.Exposure(0.1).SoftContrast().SecondarySkin().Look("warm").Harmonize().Grain();\nFunc<Shot, Shot> keep')], 'LookBeforeHarmonize_ReportsCF0606')
rule('CF0701', 'Sound', 'AmbienceOffTarget', [('s.RoomTone()', 's.{|CF0701:RoomTone(lufs: -18)|}')], [('s.RoomTone()', 's.RoomTone(lufs: -%s)' % N)], 'RoomToneAtMinus18_ReportsCF0701')
rule('CF0702', 'Sound', 'EffectOffTarget', [('Effect("assets/paper.wav", at: 12, lufs: -16)', '{|CF0702:Effect("assets/paper.wav", at: 12, lufs: -8)|}')], [('lufs: -16', 'lufs: -%s' % N)], 'EffectAtMinus8_ReportsCF0702')
rule('CF0703', 'Sound', 'NoAmbience', [('.Sound(s => ' + SOUND + ')', '.{|CF0703:Sound(s => s.Effect("assets/paper.wav", at: 12, lufs: -16))|}')], [('.Sound(s => ' + SOUND + ')', '.Sound(mix)'), ('Func<Shot, Shot> keep', 'Func<SoundMix, SoundMix> mix = s => s.Effect("assets/paper.wav", at: 12, lufs: -16);\nFunc<Shot, Shot> keep')], 'EffectsWithoutAmbience_ReportsCF0703')
rule('CF0704', 'Sound', 'MusicLouderThanBed', [(SOUND, SOUND + '.{|CF0704:Music("theme.wav", lufs: -20)|}')], [(SOUND, SOUND + '.Music("theme.wav", lufs: -%s)' % N)], 'MusicAboveRoomTone_ReportsCF0704')
rule('CF0801', 'Export', 'NoDistributionExport', [('.Export(e => e.Master().Web().Mobile())', '.{|CF0801:Export(e => e.Master().Web())|}')], [('.Export(e => e.Master().Web().Mobile())', '.Export(exports)'), ('Func<Shot, Shot> keep', 'Func<ExportSet, ExportSet> exports = e => e.Master().Web();\nFunc<Shot, Shot> keep')], 'NoMobileExport_ReportsCF0801',
     extra='''
    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task FilmValidatedInTheSameChain_ReportsCF0801(SourceKind kind) => Verify.VerifyAsync("""
        return Film.Titled("Checked").{|CF0801:Export(e => e.Master().Web())|}.Validate();
        """, kind);

    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task FilmExtendedInLaterStatements_ReportsOnceWhereItEnds(SourceKind kind) => Verify.VerifyAsync("""
        var film = Film.Titled("Built").Export(e => e.Master().Web().Mobile());
        var more = film.Logline("A film built over several statements.");
        return more.{|CF0801:Export(e => e.Master())|};
        """, kind);
''')
rule('CF0802', 'Export', 'NoMasterExport', [('.Export(e => e.Master().Web().Mobile())', '.{|CF0802:Export(e => e.Web().Mobile())|}')], [('.Export(e => e.Master().Web().Mobile())', '.Export(exports)'), ('Func<Shot, Shot> keep', 'Func<ExportSet, ExportSet> exports = e => e.Web().Mobile();\nFunc<Shot, Shot> keep')], 'NoMasterExport_ReportsCF0802')

def apply(edits):
    s = CLEAN
    for a, b in edits:
        assert a in s, (a,)
        s = s.replace(a, b, 1)
    return s

def raw(body):
    return '"""\n' + textwrap.indent(body, '        ') + '\n        """'

def cs(text):
    return '"' + text.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n') + '"'

def edits(pairs, indent):
    # The film as edits of the clean film: each test shows only what it changes.
    apply(pairs)  # every edit must still find its text
    sep = ',\n' + ' ' * indent
    return 'CleanFilm.With(\n' + ' ' * indent + sep.join('(%s, %s)' % (cs(a), cs(b)) for a, b in pairs) + ')'

root = os.path.join(os.path.dirname(__file__), '..', 'tests', 'CineForge.Analyzers.Tests')
for id, family, name, flagged, nonconst, flagged_name, extra in R:
    cls = f'{id}{name}Tests'
    nonconst_name = {'CF0101': 'SeedFromNonConstant_NoDiagnostic'}.get(id, 'ValueNotConstant_NoDiagnostic')
    src = f'''// Generated by tools/gen_rule_tests.py: edit the cases there.
using CineForge.Analyzers.Tests.Verifiers;
using Verify = CineForge.Analyzers.Tests.Verifiers.AnalyzerVerifier<CineForge.Analyzers.{family}.{family}Analyzer>;

namespace CineForge.Analyzers.Tests.{family};

[Trait("Rule", "{id}")]
public sealed class {cls}
{{
    /// <summary>The flagged film of this rule's docs page: the clean film with these edits.</summary>
    public static readonly string Bad = {edits(flagged, 8)};

    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task {flagged_name}(SourceKind kind) => Verify.VerifyAsync(Bad, kind);

    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task CleanFilm_NoDiagnostic(SourceKind kind) => Verify.VerifyAsync(CleanFilm.Body, kind);

    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task {nonconst_name}(SourceKind kind) => Verify.VerifyAsync(
        {edits(nonconst, 12)},
        kind);
{extra}}}
'''
    d = os.path.join(root, family)
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, cls + '.cs'), 'w').write(src)

open(os.path.join(root, 'CleanFilm.cs'), 'w').write(f'''// Generated by tools/gen_rule_tests.py.
namespace CineForge.Analyzers.Tests;

/// <summary>A four-shot short that follows the method everywhere (the SDK tests' clean film): no analyzer reports anything.</summary>
public static class CleanFilm
{{
    public const string Body = {raw(CLEAN)};

    /// <summary>The clean film with each (old, new) edit applied to the first place its text appears; an edit whose text is gone fails loudly.</summary>
    public static string With(params (string Old, string New)[] edits)
    {{
        var film = Body;
        foreach (var (old, replacement) in edits)
        {{
            var at = film.IndexOf(old, StringComparison.Ordinal);
            if (at < 0)
            {{
                throw new ArgumentException($"The clean film has no '{{old}}' to replace.", nameof(edits));
            }}

            film = film[..at] + replacement + film[(at + old.Length)..];
        }}

        return film;
    }}
}}
''')
print(len(R))
