package dev.fieldtest.history;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A person's sign-off of one review of one property of a feature, for one due date (docs/ledger.md). Immutable.
 *
 * @param review one of week4, week12, quarterly
 * @param note   null when none was given
 */
public record ReviewSignoff(String feature, String property, String review, LocalDate dueOn, String signedBy, Instant signedAt, String note) {}
