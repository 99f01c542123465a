package dev.fieldtest.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One sentence on whether a target's quality pass rate changed between the first and the last step that
 * measured it. A change is only called one when the two 95% intervals do not overlap.
 */
final class QualityTrend {
    private QualityTrend() {}

    /** The sentence, or "" when fewer than two steps measured quality. */
    static String sentence(JsonNode steps) {
        List<JsonNode> measured = new ArrayList<>();
        steps.forEach(s -> {
            if (s.path("quality").path("n").asInt() > 0) measured.add(s);
        });
        if (measured.size() < 2) return "";
        JsonNode first = measured.getFirst(), last = measured.getLast();
        JsonNode a = first.path("quality").path("ci95"), b = last.path("quality").path("ci95");
        String span = "from " + at(first) + " to " + at(last);
        if (b.path(1).isNumber() && a.path(0).isNumber() && b.path(1).asDouble() < a.path(0).asDouble()) {
            return "Quality pass rate fell " + span + "; the 95% intervals do not overlap.";
        }
        if (b.path(0).isNumber() && a.path(1).isNumber() && b.path(0).asDouble() > a.path(1).asDouble()) {
            return "Quality pass rate rose " + span + "; the 95% intervals do not overlap.";
        }
        return "Quality pass rate went " + span + ": no change beyond the 95% intervals.";
    }

    private static String at(JsonNode step) {
        return Figures.percent(step.path("quality").path("pass_rate"), LoadFigures.MISSING)
                + " (step " + step.path("index").asInt() + ", " + LoadFigures.load(step) + ")";
    }
}
