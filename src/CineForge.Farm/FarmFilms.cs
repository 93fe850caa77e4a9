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
/// <param name="Done">The job's stage has run to the end and the fan-in has counted it (set by the worker before Hangfire marks the job succeeded).</param>
public sealed record FarmStageEntry(int Index, string Shot, ShotStage Stage, string? Take, string? JobId, bool Done = false)
{
    /// <summary>"keyframe A", "select".</summary>
    public string Name => StageRun.Describe(Stage, Take);
}

/// <summary>A film's render on the farm: every stage job, created or not yet, and the finish job that ends it.</summary>
/// <param name="Title">The film's title.</param>
/// <param name="FilmDirectory">The film's output folder: one render at a time holds it.</param>
/// <param name="Stages">The stage jobs, in shot order.</param>
/// <param name="Stopped">Why the film stopped (a job failed for good), or null while it renders.</param>
public sealed record FarmFilmRecord(string Title, string FilmDirectory, IReadOnlyList<FarmStageEntry> Stages, string? Stopped = null)
{
    /// <summary>What was submitted (a hash of its jobs): a submitter of the same film with the same settings attaches to this record instead of submitting again.</summary>
    public string? Submission { get; init; }

    /// <summary>The finish job as JSON (<c>FilmFinishJob</c>), created once every select job is done; null when only the shots were submitted.</summary>
    public string? Finish { get; init; }

    /// <summary>The finish job's Hangfire id, or null while it is not created.</summary>
    public string? FinishJobId { get; init; }

    /// <summary>What the finish job left for the submitter to report (<c>FilmFinishOutcome</c> as JSON), or null while it has not run to the end.</summary>
    public string? Outcome { get; init; }

    /// <summary>Every job of the film has done its work: the finish job when there is one, else every stage job.</summary>
    public bool Done => Finish is null ? Stages.All(s => s.Done) : Outcome is not null;

    /// <summary>Neither done nor stopped: its jobs are on the farm.</summary>
    public bool Live => Stopped is null && !Done;

    /// <summary>Every Hangfire job the film has created.</summary>
    public IEnumerable<string> JobIds => Stages.Select(s => s.JobId).Append(FinishJobId).OfType<string>();
}

/// <summary>
/// The farm's record of the films it renders, kept in Hangfire's storage (a set of film folders and
/// a hash per film), so <c>farm status</c> shows every stage of a film, including select jobs that
/// wait for their takes and are not Hangfire jobs yet, and so the workers can fan in without the
/// submitter. The submitter writes it when it creates the film's jobs, the workers as jobs finish
/// (under <see cref="Lock"/>), and the submitter that reports the film done removes it; a failed
/// film's record, and a done film's no submitter has reported yet, stay until it is rendered again.
/// </summary>
internal static class FarmFilms
{
    /// <summary>How long a change to a film's record waits for another's: changes are a read and a write, so a long wait means a stuck connection.</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(1);

    private const string SetKey = "cineforge:films";
    private const string RecordField = "record";

    /// <summary>Takes the film's lock: whoever reads the record to change it holds it until the change is saved.</summary>
    public static IDisposable Lock(IStorageConnection connection, string filmDirectory) =>
        connection.AcquireDistributedLock("cineforge:film-lock:" + filmDirectory, LockTimeout);

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

    /// <summary>The record of the film rendered into <paramref name="filmDirectory"/>, or null when there is none.</summary>
    public static FarmFilmRecord? Read(IStorageConnection connection, string filmDirectory) =>
        connection.GetAllEntriesFromHash(HashKey(filmDirectory)) is { } entries && entries.TryGetValue(RecordField, out var json)
            ? JsonSerializer.Deserialize<FarmFilmRecord>(json, FilmJson.Options)
            : null;

    /// <summary>Every film on record, ordered by title and folder.</summary>
    public static IReadOnlyList<FarmFilmRecord> All(IStorageConnection connection) =>
        connection.GetAllItemsFromSet(SetKey)
            .Select(directory => Read(connection, directory))
            .OfType<FarmFilmRecord>()
            .OrderBy(f => f.Title, StringComparer.Ordinal)
            .ThenBy(f => f.FilmDirectory, StringComparer.Ordinal)
            .ToList();

    private static string HashKey(string filmDirectory) => "cineforge:film:" + filmDirectory;
}
