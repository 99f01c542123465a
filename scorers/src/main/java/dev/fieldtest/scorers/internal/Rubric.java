package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.config.Template;
import dev.fieldtest.core.spi.CheckInput;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a judge grades against: criteria, optional steps (both templates over the case's variables) and
 * the scale its score lives on. Internal, not API. Immutable and thread-safe.
 */
public record Rubric(Template criteria, List<Template> steps, double min, double max) {
    public static final double DEFAULT_MIN = 1;
    public static final double DEFAULT_MAX = 5;

    public Rubric {
        steps = List.copyOf(steps);
    }

    /** Reads {@code rubric: {criteria, steps, scale: {min, max}}}; null after reporting a problem. */
    static Rubric read(Settings s) {
        ConfigNode node = s.required("rubric", "add rubric: {criteria: \"what a good answer does\"}");
        if (node == null) return null;
        if (!node.isMap()) {
            s.problem(node, node.path() + " must be a map with criteria, steps and scale, but was " + node.describe(),
                    "write rubric: {criteria: \"what a good answer does\"}");
            return null;
        }
        ConfigReader r = new ConfigReader(node, s.reader().problems()).allowKeys(Set.of("criteria", "steps", "scale"));
        ConfigNode text = r.get("criteria").orElse(null);
        if (text == null) s.problem(node, node.path() + " needs 'criteria'", "add criteria: with what a good answer does, such as \"states {{expected}}\"");
        Template criteria = s.template(text);
        if (criteria != null && criteria.source().isBlank()) {
            s.problem(criteria.location(), "rubric criteria are blank, so a judge has nothing to grade against", "write what a good answer does");
        }
        List<Template> steps = s.templates(r.get("steps").orElse(null));
        double[] scale = scale(s, r.get("scale").orElse(null));
        return criteria == null || scale == null ? null : new Rubric(criteria, steps, scale[0], scale[1]);
    }

    private static double[] scale(Settings s, ConfigNode node) {
        if (node == null) return new double[] {DEFAULT_MIN, DEFAULT_MAX};
        ConfigReader r = new ConfigReader(node, s.reader().problems()).allowKeys(Set.of("min", "max"));
        if (!node.isMap()) return null;
        double min = r.number("min", DEFAULT_MIN, -1e9, 1e9);
        double max = r.number("max", DEFAULT_MAX, -1e9, 1e9);
        if (!(max > min)) {
            s.problem(node, node.path() + " must have max above min, but was " + fmt(min) + ".." + fmt(max), "use a scale such as {min: 1, max: 5}");
            return null;
        }
        return new double[] {min, max};
    }

    /** The rubric for one case, as the judge's system message states it. */
    String render(CheckInput input) {
        StringBuilder out = new StringBuilder("Criteria:\n").append(input.render(criteria).strip()).append('\n');
        if (!steps.isEmpty()) {
            out.append("\nSteps:\n");
            for (int i = 0; i < steps.size(); i++) out.append(i + 1).append(". ").append(input.render(steps.get(i)).strip()).append('\n');
        }
        return out.toString();
    }

    /** {@code raw} on the 0..1 scale verdicts use. */
    double normalize(double raw) {
        return Math.max(0, Math.min(1, (raw - min) / (max - min)));
    }

    boolean contains(double raw) {
        return raw >= min && raw <= max;
    }

    String scaleText() {
        return fmt(min) + " (worst) to " + fmt(max) + " (best)";
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.format(Locale.ROOT, "%s", d);
    }
}
