using CineForge.Runtime;

namespace CineForge.Finishing;

/// <summary>What a whole film's render came to, wherever it ran: its shots and, when it ran, what the finishing pass made.</summary>
/// <param name="Shots">Render part 1: each shot's selected take, the lock's changes or verification, the work done.</param>
/// <param name="Finished">The finishing pass's summary; null when the film stopped before finishing (<see cref="FilmProductionResult.Stopped"/>).</param>
public sealed record FilmOutcome(FilmRenderResult Shots, FinishingSummary? Finished);
