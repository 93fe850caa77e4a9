using System.Text.Json.Nodes;
using CineForge.Runtime.Dispatch;
using CineForge.Runtime.Stages;

namespace CineForge.Runtime;

/// <summary>A film checked and ready to dispatch (<see cref="FilmRenderer.Prepare"/>): its folders, its committed lock, its context and its shots as plain data.</summary>
/// <param name="FilmDirectory">The film's output folder.</param>
/// <param name="LockPath">The lock file.</param>
/// <param name="Committed">The committed lock of a locked render, read before any work; null otherwise.</param>
/// <param name="Context">The film, store, ffmpeg, settings and progress the shots render with.</param>
/// <param name="Shots">Every shot's job, in order, the plan stored.</param>
public sealed record PreparedRender(string FilmDirectory, string LockPath, JsonNode? Committed, ShotContext Context, IReadOnlyList<ShotJob> Shots);
