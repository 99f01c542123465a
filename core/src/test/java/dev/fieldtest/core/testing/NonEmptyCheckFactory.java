package dev.fieldtest.core.testing;

import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.config.Template;
import dev.fieldtest.core.spi.BuildContext;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckFactory;
import dev.fieldtest.core.spi.CheckInput;
import dev.fieldtest.core.spi.CheckSpec;
import dev.fieldtest.core.spi.GradesWithModel;
import java.util.Set;

/** type: starts-with (templated value, optional grading `model`) — a minimal check for core's tests. */
public final class NonEmptyCheckFactory implements CheckFactory {
    @Override
    public Set<String> types() {
        return Set.of("starts-with");
    }

    @Override
    public Check create(CheckSpec spec, BuildContext context) {
        Template value = context.template(spec.settings().get("value").orElse(null));
        String model = spec.settings().get("model").map(n -> String.valueOf(n.scalar())).orElse(null);
        if (model != null) return new Graded(spec.name(), model);
        return new Check() {
            @Override
            public String name() {
                return spec.name();
            }

            @Override
            public Verdict check(CheckInput in) {
                String want = in.render(value);
                return in.text().startsWith(want) ? Verdict.pass(name()) : Verdict.fail(name(), "does not start with " + want);
            }
        };
    }

    /** A check that says it grades with {@code model}; it always passes. */
    record Graded(String name, String graderModel) implements Check, GradesWithModel {
        @Override
        public Verdict check(CheckInput in) {
            return Verdict.pass(name);
        }
    }
}
