package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.spi.BuildContext;
import dev.fieldtest.core.spi.Target;
import java.util.Set;

/**
 * Resolves a judge id in a check's settings to the judge target the suite declares under {@code judges:}.
 * Shared by every check that grades with a judge, so a wrong id reads the same everywhere and always names
 * the ids that would work. Internal, not API.
 */
public final class JudgeIds {
    private JudgeIds() {}

    /** The judge {@code n} names, or null after reporting at {@code n} why it names none. */
    public static Target lookup(Settings s, ConfigNode n) {
        if (n.isMap() || n.isList() || n.isNull()) {
            s.problem(n, n.path() + " must be a judge id, but was " + n.describe(), fix(s.context()));
            return null;
        }
        Target t = s.context().judge(String.valueOf(n.scalar())).orElse(null);
        if (t == null) s.problem(n, n.path() + " names no judge the suite declares: " + n.describe(), fix(s.context()));
        return t;
    }

    /** How to name a judge: the known ids, or how to declare one when there are none. */
    public static String fix(BuildContext context) {
        Set<String> known = context.judgeIds();
        return known.isEmpty()
                ? "declare the judge under judges: at the top of the suite (same shape as a target), then name its id here"
                : "known judge ids: " + String.join(", ", known);
    }
}
