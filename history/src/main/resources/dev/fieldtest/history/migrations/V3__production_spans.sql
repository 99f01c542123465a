-- Version 3: production observations, one row per ingested GenAI span (OTLP or JSONL logs; docs/production.md).
-- (trace_id, span_id) is the key, so a batch sent twice adds nothing. Ids are lowercase hex.
CREATE TABLE production_spans (
    trace_id           VARCHAR NOT NULL,
    span_id            VARCHAR NOT NULL,
    feature            VARCHAR NOT NULL,     -- the grouping attribute's value; '(none)' when the span has none
    operation          VARCHAR,              -- gen_ai.operation.name
    provider           VARCHAR,              -- gen_ai.provider.name (or the older gen_ai.system)
    request_model      VARCHAR,
    response_model     VARCHAR,
    system_fingerprint VARCHAR,              -- gen_ai.openai.response.system_fingerprint when present
    server_address     VARCHAR,
    started_at         TIMESTAMP NOT NULL,   -- UTC
    duration_ms        DOUBLE PRECISION,
    ttft_ms            DOUBLE PRECISION,               -- time to first chunk, when the span says
    input_tokens       BIGINT,
    output_tokens      BIGINT,
    finish_reasons     VARCHAR[],
    error_type         VARCHAR,              -- error.type; null when the call succeeded
    input_messages     VARCHAR,              -- gen_ai.input.messages as JSON text, when recorded
    output_messages    VARCHAR,              -- gen_ai.output.messages as JSON text, when recorded
    cost_usd           DOUBLE PRECISION,               -- at the pricing configured for the model, when known
    attributes         VARCHAR NOT NULL,     -- every span attribute as a JSON object
    ingested_at        TIMESTAMP NOT NULL,
    PRIMARY KEY (trace_id, span_id)
);
CREATE INDEX production_spans_feature_time ON production_spans (feature, started_at);
