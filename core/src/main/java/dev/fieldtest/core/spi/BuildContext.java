package dev.fieldtest.core.spi;

import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.config.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared state while a suite's checks are built: the problems found so far and every template made, so
 * the loader can verify afterwards that each case supplies each placeholder. Not thread-safe.
 */
public final class BuildContext {
    private final Problems problems;
    private final java.util.Map<String, Target> judges;
    private final List<Template> templates = new ArrayList<>();

    public BuildContext(Problems problems) {
        this(problems, java.util.Map.of());
    }

    /** {@code judges}: the suite's judge targets by id, for checks that grade with a model. */
    public BuildContext(Problems problems, java.util.Map<String, Target> judges) {
        this.problems = problems;
        this.judges = java.util.Map.copyOf(judges);
    }

    /** The judge target with this id, if the suite declares one under {@code judges:}. */
    public java.util.Optional<Target> judge(String id) {
        return java.util.Optional.ofNullable(judges.get(id));
    }

    public java.util.Set<String> judgeIds() {
        return new java.util.TreeSet<>(judges.keySet());
    }

    public Problems problems() {
        return problems;
    }

    /** A template from a string node; a non-string value is reported as a problem and yields null. */
    public Template template(ConfigNode node) {
        if (node == null || node.isNull()) return null;
        if (node.isMap() || node.isList()) {
            problems.add(node.location(), node.path() + " must be a text, but was " + node.describe(), null);
            return null;
        }
        Template t = Template.of(String.valueOf(node.scalar()), node.location());
        templates.add(t);
        return t;
    }

    public List<Template> templates() {
        return List.copyOf(templates);
    }
}
