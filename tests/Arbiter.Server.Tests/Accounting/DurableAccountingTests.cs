using System.Net;
using System.Text;
using Arbiter.Core.Accounting;
using Arbiter.Storage;

namespace Arbiter.Server.Tests.Accounting;

/// <summary>The gateway on a SQLite file: spend across restarts, the log after a shutdown with requests in flight, no key in plain text.</summary>
public sealed class DurableAccountingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "arbiter-tests", Guid.NewGuid().ToString("N"));
    private string DbPath => Path.Combine(_folder, "arbiter.db");
    private string StorageYaml => $"storage: {{ type: sqlite, path: \"{DbPath}\" }}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Restart_SpendRebuiltFromTheLog_BudgetStillHolds()
    {
        string id, key;
        var perRequest = (10 * 0.15m + 5 * 0.60m) / 1_000_000m;
        await using (var first = await AccountingHost.StartAsync(new HoldingUpstream(hold: false), AccountingHost.Config(StorageYaml)))
        {
            (id, key) = await first.CreateKeyAsync(new { name = "durable", daily_budget_usd = 1m });
            for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await first.ChatAsync(key)).StatusCode);
        }

        await using var second = await AccountingHost.StartAsync(new HoldingUpstream(hold: false), AccountingHost.Config(StorageYaml));
        var spend = (await second.AdminAsync(HttpMethod.Get, $"admin/keys/{id}")).GetProperty("spend");

        Assert.Equal(3 * perRequest, spend.GetProperty("today_usd").GetDecimal());
        Assert.Equal(3 * perRequest, spend.GetProperty("month_usd").GetDecimal());
        Assert.Equal(HttpStatusCode.OK, (await second.ChatAsync(key)).StatusCode);
    }

    [Fact]
    public async Task Restart_SpentBudget_StaysRefused()
    {
        var host = await AccountingHost.StartAsync(new HoldingUpstream(hold: false, promptTokens: 1_000_000, completionTokens: 0), AccountingHost.Config(StorageYaml));
        // One call costs $0.15 (a million prompt tokens reported); the budget is $0.10.
        var (_, key) = await host.CreateKeyAsync(new { name = "spent", daily_budget_usd = 0.10m });
        Assert.Equal(HttpStatusCode.OK, (await host.ChatAsync(key)).StatusCode);
        await host.DisposeAsync();

        await using var again = await AccountingHost.StartAsync(new HoldingUpstream(hold: false), AccountingHost.Config(StorageYaml));
        using var refused = await again.ChatAsync(key);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task Shutdown_WithRequestsInFlight_EveryAcceptedRequestIsInTheLog()
    {
        const int inFlight = 12;
        var upstream = new HoldingUpstream();
        var host = await AccountingHost.StartAsync(upstream, AccountingHost.Config(StorageYaml, master: false), kestrel: true);
        var calls = Enumerable.Range(0, inFlight).Select(_ => host.ChatAsync(key: null)).ToArray();
        await upstream.WaitForArrivalsAsync(inFlight);

        var stopping = host.StopAsync();
        upstream.Release();
        await stopping;
        var responses = await Task.WhenAll(calls);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var storage = ArbiterStorage.Sql(new SqliteDatabase(DbPath), "check");
        var rows = await storage.Spend!.SpendAsync(SpendGrouping.Model, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
        Assert.Equal(inFlight, Assert.Single(rows).Requests);
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Keys_NeverInPlainText_InTheDatabaseFilesOrTheLogs()
    {
        var secrets = new List<string>();
        var host = await AccountingHost.StartAsync(new HoldingUpstream(hold: false), AccountingHost.Config(StorageYaml));
        var (id, key) = await host.CreateKeyAsync(new { name = "secret" });
        secrets.Add(key);
        Assert.Equal(HttpStatusCode.OK, (await host.ChatAsync(key)).StatusCode);
        var rotated = (await host.AdminAsync(HttpMethod.Post, $"admin/keys/{id}/rotate")).GetProperty("key").GetString()!;
        secrets.Add(rotated);
        Assert.Equal(HttpStatusCode.OK, (await host.ChatAsync(rotated)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.ChatAsync(key)).StatusCode);
        var logs = host.Logs;
        await host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var files = Directory.GetFiles(_folder);
        Assert.Contains(files, f => f.EndsWith("arbiter.db", StringComparison.Ordinal));
        var text = string.Concat(files.Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        // The store holds the keys' hashes: the scan would find a key if it were there.
        Assert.Contains(Arbiter.Core.Keys.KeyHash.HexOf(rotated), text);
        Assert.Contains(logs.Lines, l => l.Contains(id, StringComparison.Ordinal) && l.Contains("rotated", StringComparison.Ordinal));
        foreach (var secret in secrets.Append(AccountingHost.Master))
        {
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AdminSpend_ByKeyAndModel_SumsTheLogAndCountsUnpriced()
    {
        await using var host = await AccountingHost.StartAsync(new HoldingUpstream(hold: false), AccountingHost.Config(StorageYaml));
        var (id, key) = await host.CreateKeyAsync(new { name = "reporter" });
        Assert.Equal(HttpStatusCode.OK, (await host.ChatAsync(key)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.ChatAsync(key, model: "other")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.ChatAsync(key, model: "unpriced")).StatusCode);

        System.Text.Json.JsonElement byKey = default;
        for (var i = 0; i < 200; i++)
        {
            byKey = await host.AdminAsync(HttpMethod.Get, "admin/spend?by=key");
            if (byKey.GetProperty("data").EnumerateArray().Sum(r => r.GetProperty("requests").GetInt64()) == 3) break;
            await Task.Delay(10);
        }
        var byModel = await host.AdminAsync(HttpMethod.Get, "admin/spend?by=model");

        var row = Assert.Single(byKey.GetProperty("data").EnumerateArray());
        Assert.Equal(id, row.GetProperty("group").GetString());
        var mini = (10 * 0.15m + 5 * 0.60m) / 1_000_000m;
        var gpt4o = (10 * 2.50m + 5 * 10m) / 1_000_000m;
        Assert.Equal(mini + gpt4o, row.GetProperty("cost_usd").GetDecimal());
        Assert.Equal(1, row.GetProperty("unpriced_requests").GetInt64());
        Assert.Equal(["other", "gpt-4o-mini", "unpriced"], byModel.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("group").GetString()));
        var bad = await host.AdminAsync(HttpMethod.Get, "admin/spend?by=colour", expected: HttpStatusCode.BadRequest);
        Assert.Equal("by", bad.GetProperty("error").GetProperty("param").GetString());
    }
}
