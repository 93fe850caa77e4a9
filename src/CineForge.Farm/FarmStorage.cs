using Hangfire.PostgreSql;
using Npgsql;

namespace CineForge.Farm;

/// <summary>
/// Opens the farm's Hangfire storage in PostgreSQL. The database is probed first with a short
/// timeout, so a server that is down or unreachable fails at start with its address and reason
/// instead of hanging in Hangfire's startup.
/// </summary>
public static class FarmStorage
{
    /// <summary>The schema the farm's tables live in.</summary>
    public const string Schema = "cineforge_farm";

    /// <summary>Seconds the reachability probe waits for the server.</summary>
    public const int ProbeTimeoutSeconds = 5;

    /// <summary>Opens the storage for <paramref name="connectionString"/>, creating the schema when missing.</summary>
    /// <exception cref="FarmException">The connection string is malformed or the database cannot be reached.</exception>
    public static PostgreSqlStorage Open(string connectionString, FarmTimings? timings = null)
    {
        timings ??= FarmTimings.Default;
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new FarmException($"The farm's connection string is not valid: {ex.Message}", ex);
        }

        var probe = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Timeout = ProbeTimeoutSeconds, Pooling = false };
        try
        {
            using var connection = new NpgsqlConnection(probe.ConnectionString);
            connection.Open();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            throw new FarmException($"Cannot reach the farm's database ({Describe(builder)}): {ex.Message}", ex);
        }

        var options = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = timings.QueuePoll,
            // No LISTEN/NOTIFY: with it, each fetch runs a listener task that it cancels and waits
            // for once a job is found, and the cancellation of Npgsql's WaitAsync can be lost in a
            // race (npgsql/npgsql#5975). The fetch then waits for the next NOTIFY, holding a job it
            // has taken and keeps invisible: after a film's last job no NOTIFY comes, and the film
            // never finishes. Workers poll instead (QueuePoll); a job enqueued in their own process
            // still wakes them at once.
            EnableLongPolling = false,
            InvisibilityTimeout = timings.InvisibilityTimeout,
            UseSlidingInvisibilityTimeout = true,
        };
        return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(builder.ConnectionString, options), options);
    }

    /// <summary>Host, port and database of a connection string, without credentials.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) => $"host {builder.Host ?? "localhost"}, port {builder.Port}, database {builder.Database ?? "(default)"}";
}

/// <summary>How often the farm polls and how long a fetched job stays invisible to other workers.</summary>
/// <param name="QueuePoll">How often an idle worker looks for a job enqueued by another process (the submitter's, another worker's); one enqueued in its own process wakes it at once.</param>
/// <param name="InvisibilityTimeout">
/// How long a job fetched by a worker that stopped answering stays hidden before another worker
/// takes it. The timeout slides while the worker is alive, so long GPU jobs are never taken twice.
/// </param>
/// <param name="StatusPoll">How often the submitter reads the state of its jobs.</param>
public sealed record FarmTimings(TimeSpan QueuePoll, TimeSpan InvisibilityTimeout, TimeSpan StatusPoll)
{
    /// <summary>Defaults for a real farm.</summary>
    public static FarmTimings Default { get; } = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(250));
}

/// <summary>The farm cannot do what was asked: the database is unreachable, or a shot failed on the farm.</summary>
public sealed class FarmException(string message, Exception? inner = null) : Exception(message, inner);
