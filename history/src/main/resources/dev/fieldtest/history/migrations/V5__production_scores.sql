-- Version 5: online scoring, a suite's checks applied to a hash-sampled share of production spans (docs/production.md).
CREATE TABLE production_scores (
    trace_id        VARCHAR NOT NULL,
    span_id         VARCHAR NOT NULL,
    suite           VARCHAR NOT NULL,        -- the suite whose checks scored the span
    feature         VARCHAR NOT NULL,
    model           VARCHAR,                 -- response model, else request model
    started_at      TIMESTAMP NOT NULL,
    passed          BOOLEAN NOT NULL,
    verdicts        VARCHAR NOT NULL,        -- the verdicts as JSON, in results.jsonl's shape
    grader_cost_usd DOUBLE,
    scored_at       TIMESTAMP NOT NULL,
    PRIMARY KEY (trace_id, span_id, suite)
);
