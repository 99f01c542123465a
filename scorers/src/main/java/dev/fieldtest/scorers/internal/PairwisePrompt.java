package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.Message;
import java.util.List;

/** The messages of a pairwise comparison: rubric and rules as system, input and both fenced answers as user. Internal, not API. */
public final class PairwisePrompt {
    private PairwisePrompt() {}

    public static List<Message> messages(String rubric, String input, String fencedA, String fencedB, Fence a, Fence b) {
        String system = "You are an impartial grader. Compare two answers to the same input against this rubric and decide which is better.\n\n"
                + "Criteria:\n" + rubric.strip() + "\n\n"
                + JudgePrompt.dataRule("Each answer under review", "the rubric", a, b)
                + " The order in which the answers appear says nothing about their quality.\n\n"
                + "Reply with only a JSON object, nothing else: {\"winner\": \"A\" or \"B\" or \"tie\", \"reason\": \"<one sentence>\"}";
        String user = "Input:\n" + (input == null || input.isBlank() ? "(none)" : input) + "\n\n"
                + "Answer A:\n" + fencedA + "\n\nAnswer B:\n" + fencedB;
        return List.of(new Message("system", system), Message.user(user));
    }
}
