package dev.fieldtest.history;

import dev.fieldtest.core.config.Property;
import dev.fieldtest.core.gate.PropertyResult;
import java.time.LocalDate;
import java.util.List;

/**
 * One line of the review calendar (docs/ledger.md): a property of a feature, one of its reviews with the due date that
 * is current, whether that is signed, due or overdue, and how the property stands offline and in production. Immutable.
 *
 * @param signoff         the sign-off of this due date, or null
 * @param offlineRun      the latest recorded run of the feature's suite, or null when there is none
 * @param offline         the property judged on that run's summary.json; empty without a run
 * @param production      the property judged on the last 7 days of production; null when there is no production data
 */
public record ReviewItem(String feature, Property property, String review, LocalDate dueOn, Status status, ReviewSignoff signoff,
                         String offlineRun, List<PropertyResult> offline, List<PropertyResult> production) {
    /** Where a review stands on a given day. */
    public enum Status {
        /** Signed for this due date. */
        SIGNED,
        /** The due date has passed unsigned. */
        OVERDUE,
        /** Due today or within {@link dev.fieldtest.core.config.Defaults#REVIEW_DUE_WITHIN_DAYS} days. */
        DUE,
        /** Later than that. */
        UPCOMING;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ReviewItem {
        offline = List.copyOf(offline);
        production = production == null ? null : List.copyOf(production);
    }
}
