using System.Globalization;
using System.Text.Json;
using Arbiter.Core.Errors;
using Arbiter.Core.Keys;

namespace Arbiter.Server.Admin;

/// <summary>The admin API's bodies: limits read strictly (a wrong type or unknown field is a 400 naming it), keys and teams written.</summary>
internal static class AdminJson
{
    private static readonly string[] LimitFields =
        ["allowed_models", "allowed_routes", "rpm", "tpm", "daily_budget_usd", "monthly_budget_usd", "max_request_cost_usd", "max_extra_calls_per_minute"];

    public static JsonElement Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty) return default;
        try
        {
            using var doc = JsonDocument.Parse(body.ToArray());
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw Bad("The body must be a JSON object.", null);
            return doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw Bad($"The body is not valid JSON: {ex.Message}", null);
        }
    }

    /// <summary>Checks every field is one of <paramref name="allowed"/> or a limit.</summary>
    public static void RejectUnknown(JsonElement body, params string[] allowed)
    {
        if (body.ValueKind != JsonValueKind.Object) return;
        foreach (var p in body.EnumerateObject())
            if (!allowed.Contains(p.Name) && !LimitFields.Contains(p.Name))
                throw Bad($"Unknown field '{p.Name}'. Known: {string.Join(", ", allowed.Concat(LimitFields))}.", p.Name);
    }

    /// <summary>Limits from the body: a field present replaces (null clears it), a field absent keeps <paramref name="current"/>'s.</summary>
    public static KeyLimits ReadLimits(JsonElement body, KeyLimits current)
    {
        if (body.ValueKind != JsonValueKind.Object) return current;
        return new KeyLimits
        {
            AllowedModels = Field(body, "allowed_models", current.AllowedModels, StringList),
            AllowedRoutes = Field(body, "allowed_routes", current.AllowedRoutes, StringList),
            Rpm = Field(body, "rpm", current.Rpm, (e, n) => (int?)PositiveLong(e, n, int.MaxValue)),
            Tpm = Field(body, "tpm", current.Tpm, (e, n) => (long?)PositiveLong(e, n, long.MaxValue)),
            DailyBudgetUsd = Field(body, "daily_budget_usd", current.DailyBudgetUsd, Usd),
            MonthlyBudgetUsd = Field(body, "monthly_budget_usd", current.MonthlyBudgetUsd, Usd),
            MaxRequestCostUsd = Field(body, "max_request_cost_usd", current.MaxRequestCostUsd, Usd),
            MaxExtraCallsPerMinute = Field(body, "max_extra_calls_per_minute", current.MaxExtraCallsPerMinute, (e, n) => (int?)NonNegative(e, n)),
        };
    }

    public static string? OptionalString(JsonElement body, string name, string? current)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty(name, out var v)) return current;
        if (v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString())) throw Bad($"'{name}' must be a non-empty string.", name);
        return v.GetString();
    }

    public static void WriteKey(Utf8JsonWriter w, VirtualKey key, (decimal Today, decimal Month, decimal Reserved)? spend, string? plaintext = null)
    {
        w.WriteStartObject();
        w.WriteString("id", key.Id);
        w.WriteString("object", "virtual_key");
        w.WriteString("name", key.Name);
        if (plaintext is not null) w.WriteString("key", plaintext);
        w.WriteString("prefix", key.Prefix);
        if (key.Team is null) w.WriteNull("team"); else w.WriteString("team", key.Team);
        w.WriteBoolean("active", key.IsActive);
        w.WriteString("created_at", key.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        if (key.RevokedAt is { } revoked) w.WriteString("revoked_at", revoked.ToString("O", CultureInfo.InvariantCulture));
        WriteLimits(w, key.Limits);
        WriteSpend(w, spend);
        w.WriteEndObject();
    }

    public static void WriteTeam(Utf8JsonWriter w, Team team, (decimal Today, decimal Month, decimal Reserved)? spend)
    {
        w.WriteStartObject();
        w.WriteString("name", team.Name);
        w.WriteString("object", "team");
        w.WriteString("created_at", team.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        WriteLimits(w, team.Limits);
        WriteSpend(w, spend);
        w.WriteEndObject();
    }

    private static void WriteSpend(Utf8JsonWriter w, (decimal Today, decimal Month, decimal Reserved)? spend)
    {
        if (spend is not { } s) return;
        w.WriteStartObject("spend");
        w.WriteNumber("today_usd", s.Today);
        w.WriteNumber("month_usd", s.Month);
        w.WriteNumber("reserved_usd", s.Reserved);
        w.WriteEndObject();
    }

    private static void WriteLimits(Utf8JsonWriter w, KeyLimits l)
    {
        w.WriteStartObject("limits");
        if (l.AllowedModels is { } models) WriteList(w, "allowed_models", models);
        if (l.AllowedRoutes is { } routes) WriteList(w, "allowed_routes", routes);
        if (l.Rpm is int rpm) w.WriteNumber("rpm", rpm);
        if (l.Tpm is long tpm) w.WriteNumber("tpm", tpm);
        if (l.DailyBudgetUsd is decimal d) w.WriteNumber("daily_budget_usd", d);
        if (l.MonthlyBudgetUsd is decimal m) w.WriteNumber("monthly_budget_usd", m);
        if (l.MaxRequestCostUsd is decimal c) w.WriteNumber("max_request_cost_usd", c);
        if (l.MaxExtraCallsPerMinute is int x) w.WriteNumber("max_extra_calls_per_minute", x);
        w.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter w, string name, IReadOnlyList<string> items)
    {
        w.WriteStartArray(name);
        foreach (var i in items) w.WriteStringValue(i);
        w.WriteEndArray();
    }

    private static T? Field<T>(JsonElement body, string name, T? current, Func<JsonElement, string, T?> read)
    {
        if (!body.TryGetProperty(name, out var v)) return current;
        return v.ValueKind == JsonValueKind.Null ? default : read(v, name);
    }

    private static IReadOnlyList<string> StringList(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Array) throw Bad($"'{name}' must be an array of names (or null for any).", name);
        var list = new List<string>();
        foreach (var item in e.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(item.GetString())) throw Bad($"'{name}' must hold non-empty strings.", name);
            list.Add(item.GetString()!);
        }
        return list;
    }

    private static long PositiveLong(JsonElement e, string name, long max) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var v) && v > 0 && v <= max ? v : throw Bad($"'{name}' must be a positive whole number (or null for no limit).", name);

    private static long NonNegative(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var v) && v >= 0 ? v : throw Bad($"'{name}' must be a whole number, 0 or more (or null for no limit).", name);

    private static decimal? Usd(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out var v) && v >= 0 ? v : throw Bad($"'{name}' must be an amount in USD, 0 or more (or null for no budget).", name);

    public static ArbiterException Bad(string message, string? param) =>
        new ArbiterError(ErrorKind.InvalidRequest, message) { Param = param }.ToException();
}
