package dev.fieldtest.history;

import java.time.Instant;

/**
 * One production call's input as ingested into {@code production_spans} (migration V3): its span key, feature,
 * start time (UTC) and {@code input_messages} as the JSON text the span recorded (null when it recorded none).
 */
public record ProductionInput(String traceId, String spanId, String feature, Instant startedAt, String inputMessages) {}
