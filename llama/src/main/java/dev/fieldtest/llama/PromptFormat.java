package dev.fieldtest.llama;

import dev.fieldtest.core.Message;
import java.util.ArrayList;
import java.util.List;

/** How a call's messages become the one prompt text llama.cpp completes. */
public enum PromptFormat {
    /**
     * The message contents as they are, system messages first, separated by blank lines; roles are not
     * written. Right for base models without a chat template, such as stories260K.
     */
    PLAIN;

    /** The prompt for {@code messages}. */
    public String render(List<Message> messages) {
        List<String> parts = new ArrayList<>();
        messages.stream().filter(m -> m.role().equals("system")).forEach(m -> parts.add(m.content()));
        messages.stream().filter(m -> !m.role().equals("system")).forEach(m -> parts.add(m.content()));
        return String.join("\n\n", parts);
    }

    /** The name a suite writes: {@code plain}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
