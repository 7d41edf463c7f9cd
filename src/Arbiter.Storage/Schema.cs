namespace Arbiter.Storage;

/// <summary>
/// The schema, one list per engine, same tables and columns. Times are Unix milliseconds (BIGINT) with the UTC day
/// beside them for grouping; costs are nano-dollars (<see cref="NanoUsd"/>); a key's limits are one JSON column.
/// Never edit a shipped migration: add the next version.
/// </summary>
internal static class Schema
{
    private const string V1Description = "request log, attempts, virtual keys, teams";

    // {0} = type of real numbers, {1} = type of 64-bit integers.
    private const string V1 = """
        CREATE TABLE requests (
            id TEXT PRIMARY KEY,
            request_id TEXT NOT NULL,
            started_at_ms {1} NOT NULL,
            day TEXT NOT NULL,
            key_id TEXT,
            team TEXT,
            route TEXT,
            task TEXT,
            tier TEXT,
            requested_model TEXT NOT NULL,
            served_model TEXT,
            provider TEXT,
            deployment TEXT,
            decision TEXT,
            stream BOOLEAN NOT NULL,
            status INTEGER NOT NULL,
            error_kind TEXT,
            error_message TEXT,
            input_tokens {1},
            cached_input_tokens {1},
            cache_write_tokens {1},
            output_tokens {1},
            reasoning_tokens {1},
            cost_nusd {1},
            latency_ms {0} NOT NULL,
            ttfb_ms {0},
            overhead_ms {0} NOT NULL,
            attempt_count INTEGER NOT NULL,
            fallback_steps INTEGER NOT NULL,
            cascade_steps INTEGER,
            quality_score {0},
            delivered_chars INTEGER
        );
        CREATE INDEX ix_requests_started ON requests (started_at_ms);
        CREATE INDEX ix_requests_key_day ON requests (key_id, day);
        CREATE INDEX ix_requests_request_id ON requests (request_id);
        CREATE TABLE request_attempts (
            request_row TEXT NOT NULL,
            seq INTEGER NOT NULL,
            started_at_ms {1} NOT NULL,
            model TEXT NOT NULL,
            provider TEXT NOT NULL,
            deployment TEXT,
            duration_ms {0} NOT NULL,
            error_kind TEXT,
            error_message TEXT,
            PRIMARY KEY (request_row, seq)
        );
        CREATE INDEX ix_attempts_started ON request_attempts (started_at_ms);
        CREATE TABLE virtual_keys (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            key_hash TEXT NOT NULL UNIQUE,
            key_prefix TEXT NOT NULL,
            team TEXT,
            limits TEXT NOT NULL,
            created_at_ms {1} NOT NULL,
            revoked_at_ms {1}
        );
        CREATE TABLE teams (
            name TEXT PRIMARY KEY,
            limits TEXT NOT NULL,
            created_at_ms {1} NOT NULL
        );
        """;

    private const string V2Description = "attempts: retry number and why a deployment was skipped";

    private const string V2 = """
        ALTER TABLE request_attempts ADD COLUMN retry INTEGER;
        ALTER TABLE request_attempts ADD COLUMN skipped TEXT;
        """;

    // The request log's write cost, paid per request under load: the text id stops being a primary key (nothing looks
    // a request up by it; attempts join on it in memory), the (key_id, day) index goes (no query filters on it), and a
    // request served by its first call keeps that call in the row (attempt_ms) instead of a request_attempts row.
    // Together: three B-tree inserts per ordinary request instead of eight.
    private const string V3Description = "request log: cheaper rows (no id primary key or key/day index, single attempt folded into the row)";

    private const string V3Sqlite = """
        CREATE TABLE requests_v3 (
            id TEXT NOT NULL,
            request_id TEXT NOT NULL,
            started_at_ms INTEGER NOT NULL,
            day TEXT NOT NULL,
            key_id TEXT,
            team TEXT,
            route TEXT,
            task TEXT,
            tier TEXT,
            requested_model TEXT NOT NULL,
            served_model TEXT,
            provider TEXT,
            deployment TEXT,
            decision TEXT,
            stream BOOLEAN NOT NULL,
            status INTEGER NOT NULL,
            error_kind TEXT,
            error_message TEXT,
            input_tokens INTEGER,
            cached_input_tokens INTEGER,
            cache_write_tokens INTEGER,
            output_tokens INTEGER,
            reasoning_tokens INTEGER,
            cost_nusd INTEGER,
            latency_ms REAL NOT NULL,
            ttfb_ms REAL,
            overhead_ms REAL NOT NULL,
            attempt_count INTEGER NOT NULL,
            fallback_steps INTEGER NOT NULL,
            cascade_steps INTEGER,
            quality_score REAL,
            delivered_chars INTEGER,
            attempt_ms REAL
        );
        INSERT INTO requests_v3 SELECT *, NULL FROM requests;
        DROP TABLE requests;
        ALTER TABLE requests_v3 RENAME TO requests;
        CREATE INDEX ix_requests_started ON requests (started_at_ms);
        CREATE INDEX ix_requests_request_id ON requests (request_id);
        """;

    private const string V3Postgres = """
        ALTER TABLE requests DROP CONSTRAINT requests_pkey;
        DROP INDEX ix_requests_key_day;
        ALTER TABLE requests ADD COLUMN attempt_ms DOUBLE PRECISION;
        """;

    // A judge's call is recorded among the request's attempts; its purpose keeps a failed judge call from being read as
    // a fallback when the next cascade stage follows (after another gate's rejection).
    private const string V4Description = "attempts: what a call was for (judge) when not for the answer";

    private const string V4 = """
        ALTER TABLE request_attempts ADD COLUMN purpose TEXT;
        """;

    // A request id the gateway issued keys its row (RequestRow.RowId) and is found by the row's start time, so the
    // request-id index keeps only the ids clients sent: one B-tree insert fewer for a row of the common kind. Rows
    // written before this version all stay in the index (their ids are unrelated to their request ids).
    private const string V5Description = "request log: the request-id index holds client-sent ids only";

    private const string V5 = $"""
        DROP INDEX ix_requests_request_id;
        CREATE INDEX ix_requests_request_id ON requests (request_id) WHERE {RequestRow.IndexedById};
        """;

    // Sessions of models working together (docs/orchestration.md). Numbered from 101 so that this series and the
    // request log's (1, 2, 3 ...) can grow side by side without two branches claiming the same version.
    private const string V101Description = "sessions: versioned state documents and their transitions";

    private const string V101 = """
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            version {1} NOT NULL,
            document TEXT NOT NULL,
            created_at_ms {1} NOT NULL,
            updated_at_ms {1} NOT NULL
        );
        CREATE TABLE session_transitions (
            session_id TEXT NOT NULL,
            seq {1} NOT NULL,
            kind TEXT NOT NULL,
            version {1} NOT NULL,
            base_version {1} NOT NULL,
            patch TEXT,
            document TEXT,
            actor TEXT NOT NULL,
            reason TEXT,
            at_ms {1} NOT NULL,
            PRIMARY KEY (session_id, seq)
        );
        """;

    // How models worked together, per composite request (ensemble, chain, session turn, orchestration): a side table so
    // plain requests write nothing more, joined by the request's row id. calls and details are the JSON the response's
    // arbiter field shows (every call; plan, delegations, verdicts, steps). Issue 8's series (102..199).
    private const string V102Description = "request log: orchestration (mode, disagreement, escalation, fan-out cost, calls, details)";

    private const string V102 = """
        CREATE TABLE request_orchestration (
            request_row TEXT NOT NULL PRIMARY KEY,
            started_at_ms {1} NOT NULL,
            mode TEXT NOT NULL,
            name TEXT NOT NULL,
            strategy TEXT,
            disagreement {0},
            disagreement_above BOOLEAN NOT NULL,
            escalated BOOLEAN NOT NULL,
            escalation_reason TEXT,
            fan_out_cost_nusd {1},
            calls TEXT NOT NULL,
            details TEXT
        );
        CREATE INDEX ix_request_orchestration_started ON request_orchestration (started_at_ms);
        """;

    // Quality feedback from applications (POST /v1/feedback; docs/observability.md). Numbered from 201 (issue 7's
    // series). The gate's or judge's score stays with its request (requests.quality_score). seq orders feedback given
    // in the same millisecond: the latest wins. {2} = an auto-numbered primary key.
    private const string V201Description = "feedback: application quality scores per request";

    private const string V201 = """
        CREATE TABLE feedback (
            seq {2},
            request_id TEXT NOT NULL,
            score {0} NOT NULL,
            comment TEXT,
            at_ms {1} NOT NULL
        );
        CREATE INDEX ix_feedback_request ON feedback (request_id);
        CREATE INDEX ix_feedback_at ON feedback (at_ms);
        """;

    public static IReadOnlyList<Migration> Sqlite { get; } =
    [
        new(1, V1Description, string.Format(V1, "REAL", "INTEGER")),
        new(2, V2Description, V2),
        new(3, V3Description, V3Sqlite),
        new(4, V4Description, V4),
        new(5, V5Description, V5),
        new(101, V101Description, string.Format(V101, "REAL", "INTEGER")),
        new(102, V102Description, string.Format(V102, "REAL", "INTEGER")),
        new(201, V201Description, string.Format(V201, "REAL", "INTEGER", "INTEGER PRIMARY KEY")),
    ];

    public static IReadOnlyList<Migration> Postgres { get; } =
    [
        new(1, V1Description, string.Format(V1, "DOUBLE PRECISION", "BIGINT")),
        new(2, V2Description, V2),
        new(3, V3Description, V3Postgres),
        new(4, V4Description, V4),
        new(5, V5Description, V5),
        new(101, V101Description, string.Format(V101, "DOUBLE PRECISION", "BIGINT")),
        new(102, V102Description, string.Format(V102, "DOUBLE PRECISION", "BIGINT")),
        new(201, V201Description, string.Format(V201, "DOUBLE PRECISION", "BIGINT", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")),
    ];
}
