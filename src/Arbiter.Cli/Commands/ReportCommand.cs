using System.CommandLine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Arbiter.Core.Kpis;
using Spectre.Console;

namespace Arbiter.Cli.Commands;

/// <summary>
/// <c>arbiter report [--url URL] [--window 24h] [--by model]</c>: asks a running gateway's GET /admin/kpis (with the
/// master key from ARBITER_MASTER_KEY when auth is on) and prints the KPIs as terminal tables. Reading the gateway
/// rather than the store means one definition of every KPI and no second connection to the database.
/// </summary>
internal static class ReportCommand
{
    public const string KeyVariable = "ARBITER_MASTER_KEY";

    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The gateway's base URL", DefaultValueFactory = _ => "http://127.0.0.1:4000" };
        var window = new Option<string>("--window") { Description = "The last span of time: 15m, 1h, 24h, 7d ...", DefaultValueFactory = _ => "24h" };
        var by = new Option<string[]>("--by")
        {
            Description = $"Group by: {string.Join(", ", KpiDimensions.All)} (repeatable)",
            DefaultValueFactory = _ => [KpiDimensions.Model, KpiDimensions.Task],
            AllowMultipleArgumentsPerToken = true,
        };
        var json = new Option<bool>("--json") { Description = "Print /admin/kpis's JSON instead of tables" };
        var command = new Command("report", $"Print a running gateway's KPIs (GET /admin/kpis; master key from {KeyVariable} when auth is on)")
        {
            url, window, by, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var dimensions = parse.GetValue(by)!;
            if (dimensions.FirstOrDefault(d => !KpiDimensions.All.Contains(d)) is { } wrong)
            {
                Console.Error.WriteLine($"error: --by {wrong}: choose from {string.Join(", ", KpiDimensions.All)}");
                return 2;
            }
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var baseUrl))
            {
                Console.Error.WriteLine($"error: --url {parse.GetValue(url)} is not an absolute URL");
                return 2;
            }
            using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
            var (report, raw, error) = await FetchAsync(http, parse.GetValue(window)!, Environment.GetEnvironmentVariable(KeyVariable), ct);
            if (error is not null)
            {
                Console.Error.WriteLine($"error: {error}");
                return 1;
            }
            if (parse.GetValue(json)) Console.WriteLine(raw);
            else
            {
                // Piped to a file or a pager there is no terminal width to fit: give the tables room rather than wrap every cell.
                if (Console.IsOutputRedirected) AnsiConsole.Console.Profile.Width = 140;
                KpiTables.Write(AnsiConsole.Console, report!, dimensions);
            }
            return 0;
        });
        return command;
    }

    /// <summary>The report, its JSON text, or the gateway's error message.</summary>
    public static async Task<(KpiReport? Report, string? Json, string? Error)> FetchAsync(HttpClient http, string window, string? masterKey, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"admin/kpis?window={Uri.EscapeDataString(window)}&recent=0");
        if (!string.IsNullOrEmpty(masterKey)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", masterKey);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException ex)
        {
            return (null, null, $"could not reach the gateway at {http.BaseAddress}: {ex.Message}");
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode) return (null, text, $"{(int)response.StatusCode}: {ErrorMessage(text)}");
            return (JsonSerializer.Deserialize(text, KpiJsonContext.Default.KpiReport), text, null);
        }
    }

    private static string ErrorMessage(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.GetProperty("error").GetProperty("message").GetString() ?? body;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return body;
        }
    }
}
