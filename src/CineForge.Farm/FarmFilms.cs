using System.Text.Json;
using CineForge.Runtime.Stages;
using CineForge.Serialization;
using Hangfire;
using Hangfire.Storage;

namespace CineForge.Farm;

/// <summary>One stage job of a film on the farm.</summary>
/// <param name="Index">1-based shot index.</param>
/// <param name="Shot">The shot's name.</param>
/// <param name="Stage">The stage.</param>
/// <param name="Take">The take, or null for a select job.</param>
/// <param name="JobId">The Hangfire job, or null while the job is not created (a select job waits for its takes).</param>
public sealed record FarmStageEntry(int Index, string Shot, ShotStage Stage, string? Take, string? JobId)
{
    /// <summary>"keyframe A", "select".</summary>
    public string Name => StageRun.Describe(Stage, Take);
}

/// <summary>A film's render on the farm: every stage job, created or not yet.</summary>
/// <param name="Title">The film's title.</param>
/// <param name="FilmDirectory">The film's output folder: one render at a time holds it.</param>
/// <param name="Stages">The stage jobs, in shot order.</param>
/// <param name="Stopped">Why the film stopped (a job failed for good), or null while it renders.</param>
public sealed record FarmFilmRecord(string Title, string FilmDirectory, IReadOnlyList<FarmStageEntry> Stages, string? Stopped = null);

/// <summary>
/// The farm's record of the films it renders, kept in Hangfire's storage (a set of film folders and
/// a hash per film), so <c>farm status</c> shows every stage of a film, including select jobs that
/// wait for their takes and are not Hangfire jobs yet. The submitter writes it when it creates jobs
/// and removes it when the film is done; a failed film's record stays until it is rendered again.
/// </summary>
internal static class FarmFilms
{
    private const string SetKey = "cineforge:films";
    private const string RecordField = "record";

    /// <summary>Writes (or replaces) the record of <paramref name="record"/>'s film.</summary>
    public static void Save(JobStorage storage, FarmFilmRecord record)
    {
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.AddToSet(SetKey, record.FilmDirectory);
        transaction.SetRangeInHash(HashKey(record.FilmDirectory), [new(RecordField, JsonSerializer.Serialize(record, FilmJson.Options))]);
        transaction.Commit();
    }

    /// <summary>Removes the record of the film rendered into <paramref name="filmDirectory"/>.</summary>
    public static void Remove(JobStorage storage, string filmDirectory)
    {
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.RemoveFromSet(SetKey, filmDirectory);
        transaction.RemoveHash(HashKey(filmDirectory));
        transaction.Commit();
    }

    /// <summary>Every film on record, ordered by title and folder.</summary>
    public static IReadOnlyList<FarmFilmRecord> All(IStorageConnection connection) =>
        connection.GetAllItemsFromSet(SetKey)
            .Select(directory => connection.GetAllEntriesFromHash(HashKey(directory)) is { } entries && entries.TryGetValue(RecordField, out var json)
                ? JsonSerializer.Deserialize<FarmFilmRecord>(json, FilmJson.Options)
                : null)
            .OfType<FarmFilmRecord>()
            .OrderBy(f => f.Title, StringComparer.Ordinal)
            .ThenBy(f => f.FilmDirectory, StringComparer.Ordinal)
            .ToList();

    private static string HashKey(string filmDirectory) => "cineforge:film:" + filmDirectory;
}
