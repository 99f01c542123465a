package dev.fieldtest.core.run;

import dev.fieldtest.core.Case;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.spi.Target;
import java.util.List;

/** One call the plan asks for: which target, which case, which repeat, and the rendered input. */
public record PlannedCall(Target target, Case testCase, int repeatIndex, List<Message> messages) {
    public PlannedCall {
        messages = List.copyOf(messages);
    }

    /** The identity resume and caching match on: target, case and repeat index. */
    public String key() {
        return key(target.id(), testCase.id(), repeatIndex);
    }

    public static String key(String targetId, String caseId, int repeatIndex) {
        return targetId + "\u0000" + caseId + "\u0000" + repeatIndex;
    }
}
