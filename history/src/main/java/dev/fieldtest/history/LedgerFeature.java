package dev.fieldtest.history;

import java.time.LocalDate;

/**
 * An AI feature the review calendar follows (docs/ledger.md): its launch date, owner and the suite whose properties
 * it is reviewed against. Immutable.
 *
 * @param suiteFile the suite file as given, or null
 * @param suiteName that suite's name (what runs.suite records), or null
 */
public record LedgerFeature(String name, LocalDate launchedOn, String owner, String suiteFile, String suiteName) {
    public LedgerFeature {
        if (name == null || name.isBlank() || launchedOn == null) throw new IllegalArgumentException("a feature needs a name and a launch date");
    }
}
