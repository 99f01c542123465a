package dev.fieldtest.embedded.internal;

import dev.fieldtest.core.config.Location;

/**
 * One knowledge-base entry: the question it answers (what queries are matched against), the answer the
 * target gives, an optional topic, and where it was read. Internal, not API. Immutable.
 */
public record KbEntry(String id, String question, String answer, String topic, Location location) {}
