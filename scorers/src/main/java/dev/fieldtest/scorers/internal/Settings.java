package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.config.Template;
import dev.fieldtest.core.spi.BuildContext;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one check's settings while it is built: typed values, templates and problems, each at the
 * offending value's location. Every problem is gathered; {@link #finish} then hands them to the build
 * context and yields null, or yields the check when there were none. Internal, not API. Not thread-safe.
 */
public final class Settings {
    /** Keys every check accepts; the loader and the executor act on them, not the check. */
    private static final Set<String> COMMON_KEYS = Set.of("type", "name", "extract");

    private final CheckSpec spec;
    private final BuildContext context;
    // Problems of this check alone: the context's Problems cannot say whether *this* check added any.
    private final Problems problems = new Problems();
    private final ConfigReader reader;
    private boolean failed;

    public Settings(CheckSpec spec, BuildContext context) {
        this.spec = spec;
        this.context = context;
        this.reader = new ConfigReader(spec.settings(), problems);
    }

    /** The name verdicts carry: the suite's {@code name:}, else the type. */
    public String name() {
        return spec.name() != null && !spec.name().isBlank() ? spec.name() : spec.type();
    }

    public String type() { return spec.type(); }

    /** The folder relative paths resolve against; the working directory when the spec names none. */
    public Path baseDir() {
        return spec.baseDir() != null ? spec.baseDir() : Path.of("");
    }

    public ConfigNode node() { return spec.settings(); }

    /** The reader, after reporting every key that is neither common nor one of {@code keys}. */
    public ConfigReader allow(String... keys) {
        Set<String> allowed = new HashSet<>(COMMON_KEYS);
        allowed.addAll(List.of(keys));
        return reader.allowKeys(allowed);
    }

    public ConfigReader reader() { return reader; }

    /** The build context, for what the suite declares besides this check (its judges). */
    public BuildContext context() { return context; }

    public void problem(ConfigNode at, String message, String fix) {
        problems.add(at.location(), message, fix);
    }

    public void problem(Location at, String message, String fix) {
        problems.add(at, message, fix);
    }

    /** The value at {@code key}, or null after reporting that the check needs it. */
    public ConfigNode required(String key, String fix) {
        ConfigNode n = reader.get(key).orElse(null);
        if (n == null && node().isMap()) problem(node(), where() + " needs '" + key + "'", fix);
        return n;
    }

    /** A template from a text (a number or boolean counts as its text); null after a problem. */
    public Template template(ConfigNode n) {
        if (n == null) return null;
        Template t = context.template(n);
        if (t == null) failed = true; // the context reported why
        return t;
    }

    /** Templates from a text or a non-empty list of texts; an empty list when there was a problem. */
    public List<Template> templates(ConfigNode n) {
        if (n == null) return List.of();
        if (!n.isList()) return n.isMap() ? listProblem(n) : List.of(template(n));
        if (n.items().isEmpty()) {
            problem(n, n.path() + " must list at least one text, but the list is empty", null);
            return List.of();
        }
        List<Template> out = new ArrayList<>();
        for (ConfigNode item : n.items()) {
            if (item.isMap() || item.isList() || item.isNull()) {
                problem(item, item.path() + " must be a text, but was " + item.describe(), null);
            } else {
                out.add(template(item));
            }
        }
        return out;
    }

    /** The check when nothing was wrong; otherwise null, with every problem passed to the context. */
    public Check finish(Check check) {
        if (problems.isEmpty() && !failed && check != null) return check;
        context.problems().addAll(problems);
        return null;
    }

    private List<Template> listProblem(ConfigNode n) {
        problem(n, n.path() + " must be a text or a list of texts, but was " + n.describe(), null);
        return List.of();
    }

    private String where() {
        return node().path().isEmpty() ? "the check" : node().path();
    }
}
