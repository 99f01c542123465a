package dev.fieldtest.core.run;

import dev.fieldtest.core.Case;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.spi.Target;
import java.util.List;

/**
 * One call the plan asks for: which target, which case, which repeat, and the rendered input.
 * {@code variant} names the perturbation or generated version the case is (null for the case as written).
 */
public record PlannedCall(Target target, Case testCase, int repeatIndex, List<Message> messages, String variant) {
    public PlannedCall {
        messages = List.copyOf(messages);
    }

    public PlannedCall(Target target, Case testCase, int repeatIndex, List<Message> messages) {
        this(target, testCase, repeatIndex, messages, null);
    }

    /** The identity resume and caching match on: target, case and repeat index. */
    public String key() {
        return key(target.id(), testCase.id(), repeatIndex);
    }

    public static String key(String targetId, String caseId, int repeatIndex) {
        return targetId + "\u0000" + caseId + "\u0000" + repeatIndex;
    }
}
