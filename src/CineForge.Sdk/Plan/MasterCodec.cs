namespace CineForge;

/// <summary>
/// The master's codec: an editing intermediate that every editing and grading tool opens. Each holds
/// the graded 8-bit picture visually losslessly; they differ in size and in encoding time
/// (docs/finishing.md, "The master's codec").
/// </summary>
public enum MasterCodec
{
    /// <summary>Apple ProRes 422 HQ, 10-bit 4:2:2: the delivery master most post houses and broadcasters ask for (the default).</summary>
    ProRes422Hq,

    /// <summary>Apple ProRes 422, 10-bit 4:2:2: Final Cut Pro's default master file; about 60% of HQ's size, in about 60% of its encoding time.</summary>
    ProRes422,

    /// <summary>Avid DNxHR HQ, 8-bit 4:2:2 (SMPTE VC-3): the Avid intermediate; the fastest to encode, about 45% of ProRes 422 HQ's time.</summary>
    DnxHrHq,
}
