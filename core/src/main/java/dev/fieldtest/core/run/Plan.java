package dev.fieldtest.core.run;

import dev.fieldtest.core.Case;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Suite;
import dev.fieldtest.core.perturb.Variant;
import dev.fieldtest.core.spi.CheckInput;
import dev.fieldtest.core.spi.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Targets × cases × repeats, in the order calls are started: repeat by repeat, case by case, target by
 * target, so every target sees the same load and a partial run covers all cases evenly. A case's variants
 * follow it in the suite, so they run next to it; each call carries its variant name ({@link Variant#nameOf}).
 */
public final class Plan {
    private Plan() {}

    public static List<PlannedCall> of(Suite suite, List<Target> targets) {
        List<List<Message>> inputs = suite.cases().stream().map(c -> render(suite, c)).toList();
        List<String> variants = suite.cases().stream().map(Variant::nameOf).toList();
        List<PlannedCall> calls = new ArrayList<>(suite.repeat() * suite.cases().size() * targets.size());
        for (int r = 0; r < suite.repeat(); r++) {
            for (int i = 0; i < suite.cases().size(); i++) {
                for (Target t : targets) calls.add(new PlannedCall(t, suite.cases().get(i), r, inputs.get(i), variants.get(i)));
            }
        }
        return calls;
    }

    /** The case's messages with every placeholder filled. */
    public static List<Message> render(Suite suite, Case c) {
        Map<String, Object> vars = CheckInput.templateVars(c);
        return suite.messages().stream().map(m -> new Message(m.role(), m.content().render(vars))).toList();
    }
}
