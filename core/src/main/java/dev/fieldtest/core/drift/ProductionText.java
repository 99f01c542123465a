package dev.fieldtest.core.drift;

import java.time.Instant;

/** One production input's text ({@link InputText#ofJson}), with its span and start time. */
public record ProductionText(String traceId, String spanId, Instant startedAt, String text) {}
