-- Version 4: the ledger's claims, the AI features with their launch dates, and review sign-offs (docs/ledger.md).
CREATE TABLE claims (
    claim_id    VARCHAR PRIMARY KEY,         -- SHA-256 of the claim's fields: adding the same claim twice is a no-op
    feature     VARCHAR,                     -- null: the claim is about the model, whatever feature uses it
    vendor      VARCHAR NOT NULL,
    model       VARCHAR NOT NULL,
    version     VARCHAR,
    metric      VARCHAR NOT NULL,            -- a metric path as in target_metrics, e.g. pass_rate.value
    value       DOUBLE PRECISION NOT NULL,
    source      VARCHAR NOT NULL,            -- where the claim was made (URL, document, model card)
    claimed_on  DATE NOT NULL,
    recorded_at TIMESTAMP NOT NULL
);
CREATE TABLE features (
    feature     VARCHAR PRIMARY KEY,
    launched_on DATE NOT NULL,
    owner       VARCHAR,
    suite       VARCHAR,                     -- the suite file whose properties the feature is reviewed against
    suite_name  VARCHAR,                     -- that suite's name, as runs.suite records it (offline status, gap)
    recorded_at TIMESTAMP NOT NULL
);
CREATE TABLE review_signoffs (
    feature   VARCHAR NOT NULL,
    property  VARCHAR NOT NULL,
    review    VARCHAR NOT NULL,              -- week4 | week12 | quarterly
    due_on    DATE NOT NULL,
    signed_by VARCHAR NOT NULL,
    signed_at TIMESTAMP NOT NULL,
    note      VARCHAR,
    PRIMARY KEY (feature, property, review, due_on)
);
