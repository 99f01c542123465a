package dev.fieldtest.core.spi;

import dev.fieldtest.core.Case;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.config.Template;
import java.util.Map;

/**
 * What a check sees: the text to judge (the output after {@code extract}), the case it answers and the
 * whole observation. {@link #render} fills a template from the case's variables. Immutable.
 */
public record CheckInput(String text, Case testCase, Observation observation) {
    public String render(Template template) {
        return template.render(templateVars(testCase));
    }

    /** A case's variables plus {@code id} and {@code expected}, as every template sees them. */
    public static Map<String, Object> templateVars(Case c) {
        Map<String, Object> vars = new java.util.HashMap<>(c.vars());
        vars.put("id", c.id());
        if (c.expected() != null) vars.put("expected", c.expected());
        return vars;
    }
}
