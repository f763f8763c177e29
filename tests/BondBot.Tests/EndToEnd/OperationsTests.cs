namespace BondBot.Tests.EndToEnd;

public sealed class OperationsTests
{
    [Fact]
    public async Task The_heartbeat_file_is_touched_while_connected_and_the_database_is_checkpointed_on_stop()
    {
        var db = new Support.TempDatabase();
        var heartbeat = Path.Combine(db.Folder, "healthy");
        await using (var bot = await BotHarness.StartAsync(db: db, settings: [$"--Health:HeartbeatFile={heartbeat}", "--Health:Interval=00:00:00.2"]))
        {
            await bot.Fake.WaitUntilAsync(() => File.Exists(heartbeat));
            var first = File.GetLastWriteTimeUtc(heartbeat);
            await bot.Fake.WaitUntilAsync(() => File.GetLastWriteTimeUtc(heartbeat) > first);

            var code = await bot.StopAsync();
            Assert.Equal(0, code);
            Assert.Contains(1000, bot.Fake.Gateway.ClientCloseCodes);                  // the session ends cleanly
        }
        var wal = db.FilePath + "-wal";
        Assert.True(!File.Exists(wal) || new FileInfo(wal).Length == 0, "the write-ahead log was folded into the database");
        db.Dispose();
    }
}
