package dev.fieldtest.core.config;

import dev.fieldtest.core.Secrets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${NAME}} and {@code ${NAME:-default}} from the environment in setting values. Expanded values of secret settings
 * (API keys, headers) are registered with {@link Secrets} so they are redacted wherever text is written.
 */
public final class Env {
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private final Map<String, String> variables;

    public Env(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    /** This environment with {@code overrides} on top (used by the demo to point a suite at its stub). */
    public Env with(Map<String, String> overrides) {
        Map<String, String> merged = new java.util.HashMap<>(variables);
        merged.putAll(overrides);
        return new Env(merged);
    }

    /**
     * The node's text with every {@code ${NAME}} replaced; an unset variable is a problem at the node's
     * location and yields null.
     */
    public String expand(ConfigNode node, boolean secret, Problems problems) {
        if (node == null || node.isNull()) return null;
        String raw = String.valueOf(node.scalar());
        Matcher m = VAR.matcher(raw);
        StringBuilder out = new StringBuilder();
        boolean ok = true;
        while (m.find()) {
            String value = variables.getOrDefault(m.group(1), m.group(2));
            if (value == null) {
                problems.add(node.location(), node.path() + " uses ${" + m.group(1) + "}, which is not set in the environment",
                        "export " + m.group(1) + "=... before running, or write the value in the suite");
                ok = false;
                value = "";
            }
            if (secret) Secrets.register(value);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (!ok) return null;
        String expanded = out.toString();
        if (secret) Secrets.register(expanded);
        return expanded;
    }
}
