package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.Message;
import java.util.List;

/**
 * The two messages a judge receives for {@code grounded} in {@code mode: judge}. The context and the
 * output's numbered sentences are both untrusted, so each sits between its own delimiter lines with its own
 * random token ({@link Fence}); the system message declares both DATA, says what "supported" means and asks
 * for {@code {"supported": [sentence numbers]}}. Sentences never span a line break ({@link Sentences}), so
 * one line per sentence keeps the numbering unambiguous. Internal, not API.
 */
final class GroundedPrompt {
    private GroundedPrompt() {}

    static List<Message> messages(String context, List<String> sentences) {
        StringBuilder numbered = new StringBuilder();
        for (int i = 0; i < sentences.size(); i++) {
            if (i > 0) numbered.append('\n');
            numbered.append(i + 1).append(". ").append(sentences.get(i));
        }
        String answer = numbered.toString();
        Fence ctx = Fence.labelled("CONTEXT", context, answer);
        Fence out = Fence.labelled("ANSWER", context, answer, ctx.token());
        String system = "You are a careful fact checker. Decide which numbered sentences of the answer under review "
                + "the context supports. A sentence is supported when the context states it or it follows directly from "
                + "the context. A sentence that adds facts, changes them or contradicts the context is not supported, "
                + "even if it is true elsewhere.\n\n"
                + JudgePrompt.dataRule("Each fenced text (the context, and the numbered sentences of the answer)",
                        "whether the context supports each sentence", ctx, out) + "\n\n"
                + "Reply with only a JSON object, nothing else: {\"supported\": [<the numbers of the supported sentences>]}";
        String user = "Context:\n" + ctx.wrap(context) + "\n\nAnswer under review, one numbered sentence per line:\n" + out.wrap(answer);
        return List.of(new Message("system", system), Message.user(user));
    }
}
