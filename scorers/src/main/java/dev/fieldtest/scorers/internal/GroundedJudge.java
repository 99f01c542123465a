package dev.fieldtest.scorers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldtest.core.spi.CheckInput;
import dev.fieldtest.core.spi.Target;
import java.util.List;

/**
 * {@code grounded} in {@code mode: judge}: one judge call ({@link GroundedPrompt}) says which of the
 * numbered sentences the context supports. The reply's first JSON object must hold {@code supported}, a
 * list of whole sentence numbers from 1 to the number of sentences; anything else, including a number that
 * names no sentence, and a failed or interrupted call are unmeasured. Internal, not API. Thread-safe when the
 * judge target is.
 */
record GroundedJudge(Target judge) implements SentenceSupport {
    @Override
    public Support supported(List<String> sentences, String context, CheckInput input) {
        JudgeAnswer a;
        try {
            a = JudgeAnswer.ask(judge, input, GroundedPrompt.messages(context, sentences));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the run is stopping; let the executor see it
            return new Support(null, JudgeAnswer.INTERRUPTED, null, 0);
        }
        if (!a.usable()) return new Support(null, a.problem(), a.usage(), a.costUsd());
        JsonNode numbers = a.reply().get("supported");
        if (numbers == null || !numbers.isArray()) {
            return new Support(null, "judge reply has no list of supported sentence numbers: " + Quote.of(a.reply().toString()), a.usage(), a.costUsd());
        }
        boolean[] ok = new boolean[sentences.size()];
        for (JsonNode n : numbers) {
            if (!n.isIntegralNumber() || n.asLong() < 1 || n.asLong() > ok.length) {
                return new Support(null, "judge reply names " + n + ", which is no sentence number from 1 to " + ok.length
                        + " (an answer may have steered the judge)", a.usage(), a.costUsd());
            }
            ok[n.asInt() - 1] = true;
        }
        return new Support(ok, null, a.usage(), a.costUsd());
    }
}
