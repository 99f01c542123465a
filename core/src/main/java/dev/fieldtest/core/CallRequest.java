package dev.fieldtest.core;

import java.util.List;

/** What the executor asks a target for: one rendered input for one case and repeat index. Immutable. */
public record CallRequest(String caseId, int repeatIndex, List<Message> messages) {
    public CallRequest {
        messages = List.copyOf(messages);
    }
}
