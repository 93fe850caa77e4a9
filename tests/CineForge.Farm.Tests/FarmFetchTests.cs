using Npgsql;
using static CineForge.Farm.Tests.FarmTestSupport;

namespace CineForge.Farm.Tests;

/// <summary>How a worker takes jobs: by polling, never through a notification listener its fetch must stop and wait for.</summary>
[Collection(FarmCollection.Name)]
public sealed class FarmFetchTests
{
    [SkippableFact]
    public async Task IdleWorker_OpensNoNotificationListener_SoNoFetchWaitsForOne()
    {
        // With LISTEN/NOTIFY each fetch ran a listener and, once it found a job, cancelled it and
        // waited for it. A lost cancellation left the worker holding the job until the next NOTIFY:
        // for a film's last job, forever (the hung select jobs). Before the fix an idle worker's
        // listener connection showed here within a poll or two.
        var database = Database();
        ClearFarm(database);

        using (StartInProcess(database, "idle", FarmQueues.All.ToArray()))
        {
            var listeners = 0;
            for (var poll = 0; poll < 20 && listeners == 0; poll++)
            {
                await Task.Delay(Quick.QueuePoll);
                listeners = Listeners(database);
            }

            Assert.Equal(0, listeners);
        }
    }

    /// <summary>Sessions on the farm's database whose last statement is Hangfire.PostgreSql's LISTEN for new jobs.</summary>
    private static int Listeners(string database)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var count = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN new_job'", connection);
        return Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
