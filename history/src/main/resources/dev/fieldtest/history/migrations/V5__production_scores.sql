-- Version 5: online scoring, a suite's checks applied to a hash-sampled share of production spans (docs/online-scoring.md).
-- (trace_id, span_id, suite) is the key, so scoring a span again for the same suite adds nothing.
CREATE TABLE production_scores (
    trace_id        VARCHAR NOT NULL,
    span_id         VARCHAR NOT NULL,
    suite           VARCHAR NOT NULL,        -- the suite whose checks scored the span
    feature         VARCHAR NOT NULL,
    model           VARCHAR,                 -- response model, else request model
    started_at      TIMESTAMP NOT NULL,      -- the span's start, UTC: what pass-rate windows group by
    passed          BOOLEAN NOT NULL,        -- no error and every check passed (CallScorer, as offline)
    failed_checks   VARCHAR[] NOT NULL,      -- names of the checks whose verdict did not pass (unmeasured included)
    verdicts        VARCHAR NOT NULL,        -- the verdicts as JSON, in results.jsonl's shape
    grader_cost_usd DOUBLE PRECISION,                  -- what the checks' graders (judges) cost for this span
    scored_at       TIMESTAMP NOT NULL,
    PRIMARY KEY (trace_id, span_id, suite)
);
