package dev.fieldtest.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.core.config.Property;
import dev.fieldtest.core.gate.PropertyGate;
import dev.fieldtest.core.gate.PropertyResult;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The review calendar (docs/ledger.md): when each review of a property falls due, counted from the feature's launch
 * date — week4 = launch + 28 days, week12 = launch + 84 days, quarterly = launch + 91·k days (k = 1, 2, …: thirteen
 * weeks, so always the launch weekday). Of the quarterly dates the current one is the latest that falls on or before
 * today + {@link Defaults#REVIEW_DUE_WITHIN_DAYS} days (the first when none does), so an unsigned quarter is superseded
 * by the next once that one comes due. Stateless.
 */
public final class ReviewCalendar {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReviewCalendar() {}

    /** The due date of {@code review} current on {@code today}. */
    public static LocalDate dueOn(LocalDate launched, String review, LocalDate today) {
        return switch (review) {
            case "week4" -> launched.plusDays(28);
            case "week12" -> launched.plusDays(84);
            case "quarterly" -> {
                LocalDate horizon = today.plusDays(Defaults.REVIEW_DUE_WITHIN_DAYS);
                long k = Math.max(1, Math.floorDiv(horizon.toEpochDay() - launched.toEpochDay(), Defaults.REVIEW_QUARTER_DAYS));
                yield launched.plusDays(k * Defaults.REVIEW_QUARTER_DAYS);
            }
            default -> throw new IllegalArgumentException("unknown review \"" + review + "\": use one of " + String.join(", ", Property.REVIEWS));
        };
    }

    /** Signed when {@code signed}; else overdue after the due date, due from {@link Defaults#REVIEW_DUE_WITHIN_DAYS} days before it, else upcoming. */
    public static ReviewItem.Status status(LocalDate due, boolean signed, LocalDate today) {
        if (signed) return ReviewItem.Status.SIGNED;
        if (due.isBefore(today)) return ReviewItem.Status.OVERDUE;
        if (!due.isAfter(today.plusDays(Defaults.REVIEW_DUE_WITHIN_DAYS))) return ReviewItem.Status.DUE;
        return ReviewItem.Status.UPCOMING;
    }

    /**
     * Every (property, review) of {@code feature} on {@code today}, in the suite's order, with the property judged by
     * {@link PropertyGate} on the latest recorded run of the feature's suite and on the last 7 days of production
     * (today included), shaped as summary.json by {@link LedgerProduction#summary}.
     */
    public static List<ReviewItem> items(Ledger ledger, LedgerFeature feature, List<Property> properties, LocalDate today) {
        List<ReviewSignoff> signoffs = ledger.signoffs(feature.name());
        List<LedgerRows.Run> runs = feature.suiteName() == null ? List.of() : ledger.runs(feature.suiteName());
        LedgerRows.Run latest = runs.isEmpty() ? null : runs.get(runs.size() - 1); // oldest start first, so the last is the latest
        JsonNode offlineSummary = latest == null ? null : parse(latest.summaryJson());
        java.time.Instant from = today.minusDays(6).atStartOfDay(ZoneOffset.UTC).toInstant(), to = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        ObjectNode production = LedgerProduction.summary(ledger.spans(feature.name(), null, from, to), ledger.scores(feature.name(), null, from, to), from, to);
        List<ReviewItem> out = new ArrayList<>();
        for (Property p : properties) {
            List<PropertyResult> offline = offlineSummary == null ? List.of() : PropertyGate.evaluate(List.of(p), offlineSummary);
            List<PropertyResult> prod = production == null ? null : PropertyGate.evaluate(List.of(p), production);
            for (String review : p.review()) {
                LocalDate due = dueOn(feature.launchedOn(), review, today);
                ReviewSignoff s = signoffs.stream().filter(x -> x.property().equals(p.name()) && x.review().equals(review) && x.dueOn().equals(due))
                        .findFirst().orElse(null);
                out.add(new ReviewItem(feature.name(), p, review, due, status(due, s != null, today), s, latest == null ? null : latest.runId(), offline, prod));
            }
        }
        return out;
    }

    private static JsonNode parse(String summary) {
        try {
            return JSON.readTree(summary);
        } catch (Exception e) {
            return JSON.createObjectNode(); // every property is then missing, with the path it could not find
        }
    }
}
