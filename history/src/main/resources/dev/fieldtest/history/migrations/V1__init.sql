-- Version 1: runs, the numeric metrics of each of their targets, and their per-call rows (docs/history.md).
-- Times are UTC. Statements end with ';' at the end of a line. Every migration is written in SQL that both DuckDB and
-- PostgreSQL accept (DOUBLE PRECISION, not DOUBLE), so both stores hold the same schema.

CREATE TABLE runs (
    run_id            VARCHAR PRIMARY KEY,   -- summary.json / load.json run_id
    kind              VARCHAR NOT NULL CHECK (kind IN ('run', 'load')),
    suite             VARCHAR,               -- the suite's name
    started_at        TIMESTAMP,
    finished_at       TIMESTAMP,
    status            VARCHAR NOT NULL,      -- complete | aborted
    run_dir           VARCHAR NOT NULL,      -- absolute path of the run directory when it was recorded
    fieldtest_version VARCHAR,
    summary           VARCHAR NOT NULL,      -- summary.json (or load.json) as written, JSON text
    recorded_at       TIMESTAMP NOT NULL
);

CREATE TABLE target_metrics (
    run_id VARCHAR NOT NULL,
    target VARCHAR NOT NULL,
    metric VARCHAR NOT NULL,                 -- dotted path of a numeric leaf, e.g. pass_rate.value, latency_ms.p95
    value  DOUBLE PRECISION NOT NULL
);

CREATE TABLE calls (
    run_id        VARCHAR NOT NULL,
    line          INTEGER NOT NULL,          -- 1-based line of results.jsonl
    target        VARCHAR NOT NULL,
    case_id       VARCHAR NOT NULL,
    "repeat"      INTEGER NOT NULL,
    variant       VARCHAR,
    passed        BOOLEAN NOT NULL,
    error         VARCHAR,
    latency_ms    DOUBLE PRECISION,
    ttft_ms       DOUBLE PRECISION,
    cost_usd      DOUBLE PRECISION,
    input_tokens  BIGINT,
    output_tokens BIGINT,
    tags          VARCHAR[] NOT NULL,
    row_json      VARCHAR NOT NULL           -- the results.jsonl line as written
);
