package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.spi.BuildContext;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.Target;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a {@code judge} check's settings, each problem at its value. Internal, not API. */
public final class JudgeSettings {
    public static final double DEFAULT_THRESHOLD = 0.7;

    private JudgeSettings() {}

    public static Check build(Settings s, BuildContext context) {
        ConfigReader r = s.allow("judge", "judges", "rubric", "threshold", "aggregate");
        List<Target> judges = judges(s, r, context);
        Rubric rubric = Rubric.read(s);
        double threshold = r.number("threshold", DEFAULT_THRESHOLD, 0, 1);
        String aggregate = r.string("aggregate", "mean");
        if (!aggregate.equals("mean") && !aggregate.equals("majority")) {
            ConfigNode n = r.get("aggregate").orElseThrow();
            s.problem(n, n.path() + " must be mean or majority, but was " + n.describe(), "use aggregate: mean or aggregate: majority");
        }
        boolean ok = judges != null && rubric != null;
        return s.finish(ok ? new JudgeCheck(s.name(), judges, rubric, threshold, aggregate.equals("majority")) : null);
    }

    /** {@code judge: id} or {@code judges: [ids]}, each naming a judge the suite declares. */
    private static List<Target> judges(Settings s, ConfigReader r, BuildContext context) {
        ConfigNode one = r.get("judge").orElse(null);
        ConfigNode many = r.get("judges").orElse(null);
        if (one != null && many != null) {
            s.problem(many.keyLocation(), "give one judge in judge or a panel in judges, not both", "remove one of them");
            return null;
        }
        if (one == null && many == null) {
            s.problem(s.node(), (s.node().path().isEmpty() ? "the check" : s.node().path()) + " needs 'judge' or 'judges'", JudgeIds.fix(context));
            return null;
        }
        List<ConfigNode> ids = one != null ? List.of(one) : many.isList() ? many.items() : List.of(many);
        if (many != null && many.isList() && ids.isEmpty()) {
            s.problem(many, many.path() + " must list at least one judge id, but the list is empty", JudgeIds.fix(context));
            return null;
        }
        List<Target> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConfigNode n : ids) {
            Target t = JudgeIds.lookup(s, n);
            if (t == null) continue;
            String id = String.valueOf(n.scalar());
            if (!seen.add(id)) {
                s.problem(n, n.path() + " names judge \"" + id + "\" twice, which would count its vote twice", "list each judge once");
            } else {
                out.add(t);
            }
        }
        return out.size() == ids.size() ? out : null;
    }
}
