-- Version 2: a metric-over-time query selects one (target, metric) across runs; index that lookup.
CREATE INDEX target_metrics_target_metric ON target_metrics (target, metric);
